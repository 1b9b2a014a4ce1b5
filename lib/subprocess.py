"""Child processes: Popen, run, call, check_call, check_output, getoutput.

The spawning is native (_subprocess.fork_exec: a raw fork, then only
async-signal-safe system calls until exec, with exec errors reported
through a close-on-exec pipe). Waiting is _posix.waitpid and
_posix.wait_timeout (a pidfd poll), and pipes are read through file objects
or os.read, so every call that blocks releases the GIL.

communicate() drains stdout and stderr with one thread each, and feeds
stdin from a third, where CPython's POSIX version multiplexes with
select(): each pipe empties on its own, so a child that fills both pipes
never deadlocks, and a timeout is a join with a timeout. The threads keep
collecting after a timeout, so communicate() can be called again once
the child has been killed, as CPython documents.
"""

import os
import sys
import threading
import time
import _posix
from _subprocess import fork_exec as _fork_exec

__all__ = ['Popen', 'PIPE', 'STDOUT', 'DEVNULL', 'call', 'check_call', 'check_output',
           'getstatusoutput', 'getoutput', 'run', 'CompletedProcess', 'SubprocessError',
           'CalledProcessError', 'TimeoutExpired']

PIPE = -1
STDOUT = -2
DEVNULL = -3

_time = time.monotonic


# ------------------------------------------------------------ errors

class SubprocessError(Exception):
    pass


def _signal_description(number):
    # CPython prints the signal.Signals member, '<Signals.SIGKILL: 9>'.
    import signal
    for name in sorted(dir(signal)):
        if name.startswith('SIG') and not name.startswith('SIG_') and getattr(signal, name) == number:
            return '<Signals.%s: %d>' % (name, number)
    return None


# CalledProcessError's and TimeoutExpired's `stdout` is another name for
# their `output`.
_output_alias = property(lambda self: self.output,
                         lambda self, value: setattr(self, 'output', value))


class CalledProcessError(SubprocessError):
    """A child run by check_call, check_output or run(check=True) exited
    with a non-zero status."""

    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        if self.returncode and self.returncode < 0:
            signal_name = _signal_description(-self.returncode)
            if signal_name is None:
                return "Command '%s' died with unknown signal %d." % (self.cmd, -self.returncode)
            return "Command '%s' died with %s." % (self.cmd, signal_name)
        return "Command '%s' returned non-zero exit status %d." % (self.cmd, self.returncode)

    stdout = _output_alias


class TimeoutExpired(SubprocessError):
    """A wait for a child outlasted its timeout."""

    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return "Command '%s' timed out after %s seconds" % (self.cmd, self.timeout)

    stdout = _output_alias


# ------------------------------------------------------------ run and friends

class CompletedProcess:
    """What run() returns: the arguments, the exit status and the output."""

    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        fields = ['args=%r' % (self.args,), 'returncode=%r' % (self.returncode,)]
        if self.stdout is not None:
            fields.append('stdout=%r' % (self.stdout,))
        if self.stderr is not None:
            fields.append('stderr=%r' % (self.stderr,))
        return '%s(%s)' % (type(self).__name__, ', '.join(fields))

    def check_returncode(self):
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout, self.stderr)


def run(*popenargs, input=None, capture_output=False, timeout=None, check=False, **kwargs):
    """Runs a command, waits for it and returns a CompletedProcess."""
    if input is not None:
        if kwargs.get('stdin') is not None:
            raise ValueError('stdin and input arguments may not both be used.')
        kwargs['stdin'] = PIPE
    if capture_output:
        if kwargs.get('stdout') is not None or kwargs.get('stderr') is not None:
            raise ValueError('stdout and stderr arguments may not be used with capture_output.')
        kwargs['stdout'] = PIPE
        kwargs['stderr'] = PIPE
    with Popen(*popenargs, **kwargs) as process:
        try:
            stdout, stderr = process.communicate(input, timeout=timeout)
        except TimeoutExpired:
            process.kill()
            process.wait()
            raise
        except BaseException:
            process.kill()
            raise
        retcode = process.poll()
        if check and retcode:
            raise CalledProcessError(retcode, process.args, output=stdout, stderr=stderr)
    return CompletedProcess(process.args, retcode, stdout, stderr)


def call(*popenargs, timeout=None, **kwargs):
    """Runs a command and returns its exit status."""
    with Popen(*popenargs, **kwargs) as p:
        try:
            return p.wait(timeout=timeout)
        except BaseException:
            p.kill()
            raise


def check_call(*popenargs, **kwargs):
    """Runs a command; raises CalledProcessError unless it exits with 0."""
    retcode = call(*popenargs, **kwargs)
    if retcode:
        cmd = kwargs.get('args')
        if cmd is None:
            cmd = popenargs[0]
        raise CalledProcessError(retcode, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    """Runs a command and returns its standard output; raises
    CalledProcessError unless it exits with 0."""
    for name in ('stdout', 'check'):
        if name in kwargs:
            raise ValueError('%s argument not allowed, it will be overridden.' % name)
    if 'input' in kwargs and kwargs['input'] is None:
        # input=None has always meant "an empty stdin", not "inherit it".
        text = (kwargs.get('universal_newlines') or kwargs.get('text') or kwargs.get('encoding')
                or kwargs.get('errors'))
        kwargs['input'] = '' if text else b''
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True, **kwargs).stdout


def getstatusoutput(cmd, *, encoding=None, errors=None):
    """(exit status, output) of a shell command, stderr merged into the
    output and one trailing newline removed."""
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT, encoding=encoding,
                            errors=errors)
        exitcode = 0
    except CalledProcessError as ex:
        data = ex.output
        exitcode = ex.returncode
    if data[-1:] == '\n':
        data = data[:-1]
    return exitcode, data


def getoutput(cmd, *, encoding=None, errors=None):
    """The output of a shell command (stdout and stderr), as getstatusoutput."""
    return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]


# ------------------------------------------------------------ helpers

def _fsencode(value):
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode('utf-8')
    method = getattr(type(value), '__fspath__', None)
    if method is None:
        raise TypeError('expected str, bytes or os.PathLike object, not ' + type(value).__name__)
    return _fsencode(method(value))


def _exec_path(env):
    """The folders to search for a command, from env's PATH (os.environ's
    when env is None), as os.get_exec_path."""
    path = None
    if env is not None:
        path = env.get('PATH', env.get(b'PATH'))
    else:
        path = os.environ.get('PATH')
    if path is None:
        path = os.defpath
    if isinstance(path, bytes):
        path = path.decode('utf-8')
    return path.split(os.pathsep)


def _join(folder, name):
    if not folder:
        return name
    return folder + name if folder.endswith(b'/') else folder + b'/' + name


def _environment(env):
    if env is None:
        return None
    entries = []
    for key, value in env.items():
        key = _fsencode(key)
        if b'=' in key:
            raise ValueError('illegal environment variable name')
        entries.append(key + b'=' + _fsencode(value))
    return entries


def _translate_newlines(data, encoding, errors):
    return data.decode(encoding, errors).replace('\r\n', '\n').replace('\r', '\n')


class _TextPipe:
    """A text stream over a pipe's binary file object: decodes and, when
    reading, turns '\\r\\n' and '\\r' into '\\n', as CPython's
    TextIOWrapper does in universal-newlines mode.

    Reading goes a binary line at a time: a chunk that ends at b'\\n' never
    splits a UTF-8 character nor a '\\r\\n', and a line arrives as soon as the
    child has written it."""

    def __init__(self, buffer, encoding, errors, line_buffering):
        self.buffer = buffer
        self.encoding = encoding
        self.errors = errors
        self.line_buffering = line_buffering
        self._pending = ''
        self._eof = False

    @property
    def closed(self):
        return self.buffer.closed

    @property
    def mode(self):
        return 'w' if self.buffer.writable() else 'r'

    def fileno(self):
        return self.buffer.fileno()

    def readable(self):
        return self.buffer.readable()

    def writable(self):
        return self.buffer.writable()

    def _fill(self):
        """Reads one more binary line into the pending text; False at EOF."""
        if self._eof:
            return False
        chunk = self.buffer.readline()
        if not chunk:
            self._eof = True
            return False
        self._pending += _translate_newlines(chunk, self.encoding, self.errors)
        return True

    def read(self, size=-1):
        if size is None or size < 0:
            rest = self.buffer.read()
            self._eof = True
            text = self._pending + _translate_newlines(rest, self.encoding, self.errors)
            self._pending = ''
            return text
        while len(self._pending) < size and self._fill():
            pass
        text = self._pending[:size]
        self._pending = self._pending[size:]
        return text

    def readline(self, size=-1):
        while True:
            end = self._pending.find('\n')
            if end >= 0 or not self._fill():
                break
        end = len(self._pending) if end < 0 else end + 1
        if size is not None and 0 <= size < end:
            end = size
        line = self._pending[:end]
        self._pending = self._pending[end:]
        return line

    def readlines(self, hint=-1):
        lines = []
        size = 0
        while hint is None or hint <= 0 or size < hint:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            size += len(line)
        return lines

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError('write() argument must be str, not ' + type(text).__name__)
        self.buffer.write(text.encode(self.encoding, self.errors))
        if self.line_buffering and ('\n' in text or '\r' in text):
            self.buffer.flush()
        return len(text)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        self.buffer.flush()

    def close(self):
        self.buffer.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        return '<_io.TextIOWrapper name=%r encoding=%r>' % (self.buffer.name, self.encoding)


def _drain(stream, fd, chunks, wake_fd):
    """A reader thread: collects what the child writes to `fd` until end of
    file, or until a byte on `wake_fd` says the pipe is being closed, then
    closes the stream. The thread owns the stream while it runs: a close
    from another thread while this one waits in read() would let the
    descriptor's number be reused under it."""
    try:
        while True:
            ready = _posix.poll([fd, wake_fd], None)
            if wake_fd in ready:
                break
            data = os.read(fd, 32768)
            if not data:
                break
            chunks.append(data)
    finally:
        stream.close()


def _feed(stream, data):
    """The writer thread: sends communicate()'s input, then closes stdin. A
    child that exits without reading it all is not an error."""
    try:
        if data:
            stream.write(data)
    except BrokenPipeError:
        pass
    try:
        stream.close()
    except BrokenPipeError:
        pass


# ------------------------------------------------------------ Popen

class Popen:
    """A child process and the pipes to it."""

    def __init__(self, args, bufsize=-1, executable=None, stdin=None, stdout=None, stderr=None,
                 preexec_fn=None, close_fds=True, shell=False, cwd=None, env=None,
                 universal_newlines=None, startupinfo=None, creationflags=0,
                 restore_signals=True, start_new_session=False, pass_fds=(), *, user=None,
                 group=None, extra_groups=None, encoding=None, errors=None, text=None,
                 umask=-1, pipesize=-1, process_group=None):
        self.args = args
        self.pid = None
        self.returncode = None
        self.stdin = None
        self.stdout = None
        self.stderr = None
        self.encoding = encoding
        self.errors = errors
        self.pipesize = pipesize
        self._waitpid_lock = threading.Lock()
        self._communication_started = False
        self._threads = []       # communicate()'s reader and writer threads
        self._wake = None        # the readers' stop signal: a pipe (read end, write end)
        self._output = {}        # reader's stream -> its list of chunks

        if bufsize is None:
            bufsize = -1
        if not isinstance(bufsize, int):
            raise TypeError('bufsize must be an integer')
        if startupinfo is not None:
            raise ValueError('startupinfo is only supported on Windows platforms')
        if creationflags != 0:
            raise ValueError('creationflags is only supported on Windows platforms')
        if preexec_fn is not None:
            raise NotImplementedError(
                'preexec_fn is not supported by gilvm: the child runs no Python code '
                'between fork and exec')
        _unsupported = [('user', user is not None), ('group', group is not None),
                        ('extra_groups', extra_groups is not None), ('umask', umask != -1),
                        ('process_group', process_group is not None),
                        ('restore_signals', not restore_signals)]
        for name, given in _unsupported:
            if given:
                raise NotImplementedError('Popen(%s=...) is not supported by gilvm' % name)
        if pass_fds and not close_fds:
            import warnings
            warnings.warn('pass_fds overriding close_fds.', RuntimeWarning)
            close_fds = True
        if text is not None and universal_newlines is not None and (
                bool(universal_newlines) != bool(text)):
            raise SubprocessError('Cannot disambiguate when both text and universal_newlines '
                                  'are supplied but different. Pass one or the other.')

        self.text_mode = bool(encoding or errors or text or universal_newlines)
        line_buffering = False
        if self.text_mode:
            if encoding is None:
                self.encoding = 'UTF-8'  # the locale's, as CPython
            if bufsize == 1:
                line_buffering = True
                bufsize = -1
        elif bufsize == 1:
            import warnings
            warnings.warn("line buffering (buffering=1) isn't supported in binary mode, the "
                          "default buffer size will be used", RuntimeWarning)
            bufsize = -1

        to_close = []  # the child's ends, which the parent closes once it runs
        p2cwrite = c2pread = errread = -1
        try:
            p2cwrite, p2cread = self._handle(stdin, False, to_close)
            c2pread, c2pwrite = self._handle(stdout, True, to_close)
            if stderr == STDOUT:
                errread, errwrite = -1, (c2pwrite if c2pwrite != -1 else 1)
            else:
                errread, errwrite = self._handle(stderr, True, to_close)
            if p2cwrite != -1:
                self.stdin = self._wrap(p2cwrite, 'wb', bufsize, line_buffering)
            if c2pread != -1:
                self.stdout = self._wrap(c2pread, 'rb', bufsize, False)
            if errread != -1:
                self.stderr = self._wrap(errread, 'rb', bufsize, False)
            self._execute_child(args, executable, shell, cwd, env, p2cread, c2pwrite, errwrite,
                                pass_fds, close_fds, start_new_session)
        except BaseException:
            for f in (self.stdin, self.stdout, self.stderr):
                if f is not None:
                    try:
                        f.close()
                    except OSError:
                        pass
            for fd, owner in ((p2cwrite, self.stdin), (c2pread, self.stdout),
                              (errread, self.stderr)):
                if fd != -1 and owner is None:
                    try:
                        os.close(fd)
                    except OSError:
                        pass
            raise
        finally:
            for fd in to_close:
                os.close(fd)

    def _handle(self, spec, child_writes, to_close):
        """(parent's end, child's end) for one of stdin/stdout/stderr; -1
        where there is none. The child's end is listed in to_close when the
        parent created it."""
        if spec is None:
            return -1, -1
        if spec == PIPE:
            read_end, write_end = os.pipe()
            if child_writes:
                to_close.append(write_end)
                return read_end, write_end
            to_close.append(read_end)
            return write_end, read_end
        if spec == DEVNULL:
            fd = os.open(os.devnull, os.O_RDWR)
            to_close.append(fd)
            return -1, fd
        if isinstance(spec, int):
            if spec < 0:
                raise ValueError('invalid file descriptor: %d' % spec)
            return -1, spec
        return -1, spec.fileno()

    def _wrap(self, fd, mode, bufsize, line_buffering):
        stream = open(fd, mode, bufsize)
        if self.text_mode:
            stream = _TextPipe(stream, self.encoding, self.errors or 'strict', line_buffering)
        return stream

    def _execute_child(self, args, executable, shell, cwd, env, p2cread, c2pwrite, errwrite,
                       pass_fds, close_fds, start_new_session):
        if isinstance(args, (str, bytes)):
            args = [args]
        elif hasattr(type(args), '__fspath__'):
            args = [args]
        else:
            args = list(args)
        if shell:
            args = ['/bin/sh', '-c'] + args
            if executable:
                args[0] = executable
        if executable is None:
            executable = args[0]
        error_name = executable
        if hasattr(type(error_name), '__fspath__'):
            error_name = os.fspath(error_name)
        argv = [_fsencode(a) for a in args]
        executable = _fsencode(executable)
        if b'/' in executable:
            candidates = [executable]
        else:
            candidates = [_join(_fsencode(folder), executable) for folder in _exec_path(env)]
        if cwd is not None:
            cwd = os.fspath(cwd)
        self.pid = _fork_exec(argv, candidates, _environment(env), cwd, p2cread, c2pwrite,
                              errwrite, sorted(pass_fds), close_fds, start_new_session,
                              error_name)

    @property
    def universal_newlines(self):
        return self.text_mode

    @universal_newlines.setter
    def universal_newlines(self, value):
        self.text_mode = bool(value)

    def __repr__(self):
        args = self.args
        if not isinstance(args, (str, bytes)):
            args = list(args)
        text = '<%s: returncode: %s args: %r>' % (type(self).__name__, self.returncode, args)
        if len(text) > 80:
            text = text[:76] + '...>'
        return text

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        self._stop_readers()
        if self.stdout:
            self.stdout.close()
        if self.stderr:
            self.stderr.close()
        try:
            if self.stdin and not self._writer_busy():
                self.stdin.close()
        finally:
            self.wait()

    def _stop_readers(self):
        """Ends communicate()'s reader threads (which close their pipes) and
        their wake-up pipe. Prompt: a reader waits in poll() on the wake-up
        pipe too, and reads only what poll() said is there."""
        if self._wake is None:
            return
        wake_read, wake_write = self._wake
        readers = [t for t in self._threads if t._role is _drain]
        if any(t.is_alive() for t in readers):
            os.write(wake_write, b'x')
        for t in readers:
            t.join()
        os.close(wake_read)
        os.close(wake_write)
        self._wake = None

    def _writer_busy(self):
        # The writer closes stdin itself when its write ends; the child's
        # exit ends it (EPIPE).
        return any(t.is_alive() and t._role is _feed for t in self._threads)

    # -------------------------------------------------------- waiting

    def _handle_exitstatus(self, status):
        self.returncode = _posix.waitstatus_to_exitcode(status)

    def poll(self):
        """The exit status if the child has exited, else None; never waits."""
        if self.returncode is not None:
            return self.returncode
        if not self._waitpid_lock.acquire(False):
            return None  # another thread is in waitpid for this child
        try:
            if self.returncode is None:
                pid, status = _posix.waitpid(self.pid, _posix.WNOHANG)
                if pid == self.pid:
                    self._handle_exitstatus(status)
        except ChildProcessError:
            # Reaped elsewhere (SIGCHLD ignored, os.wait): its status is lost.
            self.returncode = 0
        finally:
            self._waitpid_lock.release()
        return self.returncode

    def wait(self, timeout=None):
        """Waits for the child to exit (at most `timeout` seconds, else
        TimeoutExpired) and returns its exit status."""
        if self.returncode is not None:
            return self.returncode
        endtime = None if timeout is None else _time() + timeout
        if not self._waitpid_lock.acquire(True, -1 if timeout is None else max(timeout, 0)):
            raise TimeoutExpired(self.args, timeout)
        try:
            if self.returncode is None:
                left = None if endtime is None else max(endtime - _time(), 0)
                pid, status = _posix.wait_timeout(self.pid, left)
                if pid == 0:
                    raise TimeoutExpired(self.args, timeout)
                self._handle_exitstatus(status)
        except ChildProcessError:
            self.returncode = 0
        finally:
            self._waitpid_lock.release()
        return self.returncode

    def send_signal(self, sig):
        """Sends `sig` to the child, unless it is known to have exited."""
        self.poll()
        if self.returncode is not None:
            return
        try:
            os.kill(self.pid, sig)
        except ProcessLookupError:
            pass

    def terminate(self):
        import signal
        self.send_signal(signal.SIGTERM)

    def kill(self):
        import signal
        self.send_signal(signal.SIGKILL)

    # -------------------------------------------------------- communicate

    def communicate(self, input=None, timeout=None):
        """Sends `input` to stdin, reads stdout and stderr to end of file and
        waits for the child: (stdout, stderr), each None when not a pipe."""
        if self._communication_started and input:
            raise ValueError('Cannot send input after starting communication')
        pipes = [self.stdin, self.stdout, self.stderr]
        if timeout is None and not self._communication_started and pipes.count(None) >= 2:
            # One pipe: no thread needed.
            stdout = stderr = None
            if self.stdin:
                _feed(self.stdin, input)
            elif self.stdout:
                stdout = self.stdout.read()
                self.stdout.close()
            elif self.stderr:
                stderr = self.stderr.read()
                self.stderr.close()
            self.wait()
            return stdout, stderr
        endtime = None if timeout is None else _time() + timeout
        try:
            stdout, stderr = self._communicate(input, endtime, timeout)
        finally:
            self._communication_started = True
        left = None if endtime is None else max(endtime - _time(), 0)
        self.wait(timeout=left)
        return stdout, stderr

    def _start(self, target, *args):
        t = threading.Thread(target=target, args=args, daemon=True)
        t._role = target  # Thread drops its _target when run() ends
        self._threads.append(t)
        t.start()

    def _communicate(self, input, endtime, orig_timeout):
        if not self._communication_started:
            for stream in (self.stdout, self.stderr):
                if stream is not None:
                    if self._wake is None:
                        self._wake = os.pipe()
                    chunks = self._output[stream] = []
                    binary = stream.buffer if self.text_mode else stream
                    self._start(_drain, stream, binary.fileno(), chunks, self._wake[0])
            if self.stdin is not None:
                if self.text_mode and input is not None:
                    input = input.encode(self.stdin.encoding, self.stdin.errors)
                elif input is not None:
                    memoryview(input)  # a str raises here, in the caller, as in CPython
                binary = self.stdin.buffer if self.text_mode else self.stdin
                # The user's earlier writes go first; flushing may block.
                try:
                    binary.flush()
                except BrokenPipeError:
                    pass
                self._start(_feed, binary, input)
        for t in self._threads:
            left = None if endtime is None else max(endtime - _time(), 0)
            t.join(left)
            if t.is_alive():
                raise TimeoutExpired(self.args, orig_timeout,
                                     output=self._collected(self.stdout),
                                     stderr=self._collected(self.stderr))
        self._stop_readers()
        stdout = self._collected(self.stdout, b'')
        stderr = self._collected(self.stderr, b'')
        if self.text_mode:
            if stdout is not None:
                stdout = _translate_newlines(stdout, self.stdout.encoding, self.stdout.errors)
            if stderr is not None:
                stderr = _translate_newlines(stderr, self.stderr.encoding, self.stderr.errors)
        return stdout, stderr

    def _collected(self, stream, empty=None):
        """What the reader of `stream` has read so far; `empty` when nothing
        (None in TimeoutExpired, as CPython)."""
        if stream is None:
            return None
        chunks = self._output.get(stream)
        if not chunks:
            return empty
        return b''.join(chunks)
