from circ_d import D
C = "C"
