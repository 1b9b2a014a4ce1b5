# sys.argv holds the script name and the arguments after it.
# args: first "second arg" 3
import sys
print(sys.argv[0])  # expect: sys_argv.py
print(sys.argv[1:])  # expect: ['first', 'second arg', '3']
print(len(sys.argv), type(sys.argv).__name__)  # expect: 4 list
print(int(sys.argv[3]) * 2)  # expect: 6
