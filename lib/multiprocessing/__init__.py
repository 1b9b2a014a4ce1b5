"""multiprocessing for gilvm: processes instead of threads for CPU-bound
work, with the fork start method (Linux's default under CPython 3.11).

Written in Python on four native pieces: _posix (fork, waitpid, pipes,
poll; src/modules/posix_process.cpp), _multiprocessing (SemLock, the
process-shared lock; semlock.cpp), _shared_memory (shared C numbers for
Value and Array; shared_memory.cpp) and the interpreter's fork handling
(src/vm/fork.cpp). Values cross process boundaries through pickle
(lib/pickle.py).
"""

from multiprocessing.context import (ProcessError, BufferTooShort, TimeoutError, AuthenticationError,
                                     get_context, get_start_method, set_start_method,
                                     get_all_start_methods, cpu_count)
from multiprocessing.process import Process, current_process, active_children, parent_process
from multiprocessing.connection import Pipe
from multiprocessing.queues import Queue, SimpleQueue, JoinableQueue
from multiprocessing.synchronize import Lock, RLock, Semaphore, BoundedSemaphore, Condition, Event, Barrier
from multiprocessing.sharedctypes import Value, Array, RawValue, RawArray
from multiprocessing.pool import Pool

__all__ = ['Array', 'AuthenticationError', 'Barrier', 'BoundedSemaphore', 'BufferTooShort', 'Condition', 'Event',
           'JoinableQueue', 'Lock', 'Pipe', 'Pool', 'Process', 'ProcessError', 'Queue', 'RLock',
           'RawArray', 'RawValue', 'Semaphore', 'SimpleQueue', 'TimeoutError', 'Value',
           'active_children', 'cpu_count', 'current_process', 'get_all_start_methods',
           'get_context', 'get_start_method', 'parent_process', 'set_start_method',
           'freeze_support']


def freeze_support():
    pass
