print("a start")
import circ_b
A = "A"
print("a end", circ_b.B)
