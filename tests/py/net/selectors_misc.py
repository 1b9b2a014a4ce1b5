# selectors: hang-ups and errors as events, file objects that close after
# registering, modify returning the same key, a thread waking select(None),
# and a closed selector.
import os
import selectors
import threading
import time
from selectors import EVENT_READ, EVENT_WRITE

from _fileobjects import FileObject, attempt


def close(fileobj):
    os.close(fileobj.fd)
    fileobj.fd = None


def events_of(sel, timeout=0):
    return sorted((key.fileobj.name, events) for key, events in sel.select(timeout))


for cls in (selectors.SelectSelector, selectors.PollSelector, selectors.EpollSelector):
    print("--", cls.__name__)
    sel = cls()
    # The writer hung up: the reader is readable (end of file).
    r, w = os.pipe()
    reader = FileObject(r, "reader")
    sel.register(reader, EVENT_READ)
    os.close(w)
    print(events_of(sel))
    print(os.read(r, 10))
    # A registered object closed behind the selector's back can still be
    # found (by identity) and unregistered.
    close(reader)
    print(sel.unregister(reader).fileobj, len(sel.get_map()))
    attempt(lambda: sel.register(reader, EVENT_READ))

    # The reader hung up: the writer is writable (the write would raise
    # BrokenPipeError rather than block).
    r, w = os.pipe()
    writer = FileObject(w, "writer")
    key = sel.register(writer, EVENT_WRITE, "d")
    os.close(r)
    print(events_of(sel))
    # modify with nothing new returns the same key; new data, a new key.
    print(sel.modify(writer, EVENT_WRITE, "d") is key, sel.modify(writer, EVENT_WRITE, "e").data)
    sel.unregister(writer)
    close(writer)

    # A thread wakes a select() that has no timeout.
    r, w = os.pipe()
    sel.register(r, EVENT_READ, "wake-up pipe")

    def wake():
        time.sleep(0.05)
        os.write(w, b"!")

    t = threading.Thread(target=wake)
    t.start()
    ready = sel.select()
    t.join()
    print([(key.data, events) for key, events in ready])
    sel.close()
    print(sel.get_map())
    attempt(lambda: sel.get_key(r))
    os.close(r)
    os.close(w)
# expect: -- SelectSelector
# expect: [('reader', 1)]
# expect: b''
# expect: <reader> 0
# expect: ValueError Invalid file object: <reader>
# expect: [('writer', 2)]
# expect: True e
# expect: [('wake-up pipe', 1)]
# expect: None
# expect: RuntimeError Selector is closed
# expect: -- PollSelector
# expect: [('reader', 1)]
# expect: b''
# expect: <reader> 0
# expect: ValueError Invalid file object: <reader>
# expect: [('writer', 2)]
# expect: True e
# expect: [('wake-up pipe', 1)]
# expect: None
# expect: RuntimeError Selector is closed
# expect: -- EpollSelector
# expect: [('reader', 1)]
# expect: b''
# expect: <reader> 0
# expect: ValueError Invalid file object: <reader>
# expect: [('writer', 2)]
# expect: True e
# expect: [('wake-up pipe', 1)]
# expect: None
# expect: RuntimeError Selector is closed

sel = selectors.EpollSelector()
print(isinstance(sel.fileno(), int))  # expect: True
sel.close()
attempt(sel.fileno)  # expect: ValueError I/O operation on closed epoll object
