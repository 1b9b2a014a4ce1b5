import sys
sys.exit("message to stderr")
# expect-error: message to stderr
