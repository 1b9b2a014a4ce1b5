# Helper module for import_user_module.py (files starting with '_' are not tests).
GREETING = "hello"
calls = 0

def greet(name):
    global calls
    calls += 1
    return GREETING + ", " + name

print("module _greeting initialised")
