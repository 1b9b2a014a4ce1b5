print("pkg.mod loaded", __name__, __package__)
y = "y"
