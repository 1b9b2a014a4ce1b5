# max_tasks_per_child: a worker is replaced after that many calls, so calls
# made one after another see a new process every two calls. Also the
# initializer runs in every worker, including the replacements.
import os
import concurrent.futures as cf

ready = []


def setup(tag):
    ready.append(tag)


def pid_and_setup(_):
    return os.getpid(), list(ready)


if __name__ == "__main__":
    with cf.ProcessPoolExecutor(max_workers=1, max_tasks_per_child=2,
                                initializer=setup, initargs=("set",)) as ex:
        seen = [ex.submit(pid_and_setup, i).result() for i in range(6)]
    pids = [pid for pid, _ in seen]
    print(len(set(pids)))  # expect: 3
    print(pids[0] == pids[1], pids[1] != pids[2], pids[2] == pids[3])  # expect: True True True
    print(all(setups == ["set"] for _, setups in seen))  # expect: True
    print(os.getpid() not in pids, ready)  # expect: True []
