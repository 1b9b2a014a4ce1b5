print("simple loaded", __name__)
X = 1
def hello(): return "hello"
_private = 2
