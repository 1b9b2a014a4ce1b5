VALUE = "sub loaded"
