import nope_nope
