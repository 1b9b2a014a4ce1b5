print("b start")
import circ_a
B = "B"
print("b sees a has A:", hasattr(circ_a, "A"))
