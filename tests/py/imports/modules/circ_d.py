from circ_c import C
D = "D"
