# The `if __name__ == "__main__":` idiom: the child runs the target, not the
# script again; module-level state set before start() is inherited.
import multiprocessing

SETTING = "module level"


def child(results):
    results.put((__name__, SETTING, multiprocessing.parent_process().name))


if __name__ == "__main__":
    SETTING = "changed in main"
    results = multiprocessing.Queue()
    p = multiprocessing.Process(target=child, args=(results,))
    p.start()
    print(results.get(timeout=10))  # expect: ('__main__', 'changed in main', 'MainProcess')
    p.join()
    print(p.exitcode)  # expect: 0
    print(multiprocessing.parent_process())  # expect: None
    print(multiprocessing.get_start_method())  # expect: fork
