# sys.exit(str) prints the message to stderr and exits with status 1.
import sys
sys.exit("message to stderr")
# expect-error: message to stderr
