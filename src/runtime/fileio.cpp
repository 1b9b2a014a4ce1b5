// open() and its file objects; see fileio.h for the design and its limits.
#include "runtime/fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <string>

#include "gil/blocking.h"
#include "gil/blocking_io.h"
#include "runtime/args.h"
#include "runtime/builtins.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/function.h"
#include "runtime/in_flight.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/memoryview.h"
#include "runtime/module.h"
#include "runtime/ops.h"
#include "runtime/range.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/interpreter.h"
#include "vm/thread_state.h"

namespace gilvm {

// ------------------------------------------------------------ OSError

Value raise_os_error(ThreadState& ts, int err, Value filename) {
  const ExceptionTypes& x = ts.exc_types();
  Type* type = x.OSError;
  switch (err) {
    case ENOENT: type = x.FileNotFoundError; break;
    case EEXIST: type = x.FileExistsError; break;
    case EACCES: case EPERM: type = x.PermissionError; break;
    case EISDIR: type = x.IsADirectoryError; break;
    case ENOTDIR: type = x.NotADirectoryError; break;
    case EINTR: type = x.InterruptedError; break;
    case ECHILD: type = x.ChildProcessError; break;
    case ETIMEDOUT: type = x.TimeoutError; break;
    case EPIPE: case ESHUTDOWN: type = x.BrokenPipeError; break;
    case ECONNRESET: type = x.ConnectionResetError; break;
    case ECONNREFUSED: type = x.ConnectionRefusedError; break;
    case ECONNABORTED: type = x.ConnectionAbortedError; break;
    case EAGAIN: case EALREADY: case EINPROGRESS: type = x.BlockingIOError; break;
    default: break;
  }
  Ref msg = Ref::steal(str_new(ts, std::strerror(err)));
  if (!msg) return Value::null();
  Value args[3] = {Value::from_small(err), msg.get(), filename};
  Value exc = exception_new(ts, type, args, filename ? 3 : 2);
  if (!exc) return Value::null();
  raise_value(ts, exc);
  decref(exc);
  return Value::null();
}

bool stream_write(ThreadState& ts, FILE* f, const char* data, size_t n) {
  errno = 0;
  if (blocking_fwrite(ts, f, data, n) == n && !std::ferror(f)) return true;
  int err = errno ? errno : EIO;
  // The stream stays usable for whatever comes next (CPython raises once
  // per failing write too).
  std::clearerr(f);
  raise_os_error(ts, err);
  return false;
}

Value raise_os_error_path(ThreadState& ts, int err, std::string_view filename) {
  Ref name = Ref::steal(str_new(ts, filename));
  if (!name) return Value::null();
  return raise_os_error(ts, err, name.get());
}

// ------------------------------------------------------------ file objects

namespace {

enum class LastOp : uint8_t { None, Read, Write };

// Every field is read and written with the GIL held. A call that releases
// the GIL uses the stream through a FileCall (in_flight.h).
struct FileObject : Object {
  FILE* file;    // what Python sees: null once closed
  FILE* closing;  // the stream a close() left to the last call in flight, or null
  InFlightCalls in_flight;
  Value name;    // owned: the path (str/bytes) or the fd (int)
  Value mode;    // owned str, as CPython reports it
  bool readable;
  bool writable;
  bool binary;
  bool closefd;
  bool raw;      // a FileIO (open(..., buffering=0)): read(n) is one read(2)
  LastOp last;   // stdio needs a seek between a read and a write on '+' files
};

FileObject* as_file(Value v) { return static_cast<FileObject*>(v.as_object()); }

// The release close() defers while calls are in flight (in_flight.h). Its
// error, if any, has no one left to hear it: close() has returned.
void release_closing_stream(ThreadState& ts, Object* self) {
  FileObject* f = static_cast<FileObject*>(self);
  FILE* stream = f->closing;
  f->closing = nullptr;
  BlockingRegion guard(ts, BlockCause::File);
  if (f->closefd) std::fclose(stream);
  else std::fflush(stream);
}

// One method call's use of a file object's stream: `stream` stays open until
// the call ends, whatever another thread's close() does meanwhile (see
// in_flight.h). Take it after check_open, before the first GIL release.
struct FileCall {
  FileCall(ThreadState& ts, FileObject* f) : use(ts, f, f->in_flight), stream(f->file) {}
  InFlight use;
  FILE* const stream;
};

// Holds the stream's stdio lock for a whole method call, so that a call's
// getc loop is not interleaved with another thread's call on the same
// stream (CPython's buffered objects hold a lock per call). Taken with the
// GIL released: the other thread may hold it across a blocking read.
class StreamLock {
 public:
  explicit StreamLock(FILE* stream) : stream_(stream) { flockfile(stream_); }
  ~StreamLock() { funlockfile(stream_); }
  StreamLock(const StreamLock&) = delete;
  StreamLock& operator=(const StreamLock&) = delete;

 private:
  FILE* stream_;
};

void file_dealloc(Object* self) {
  // A call in flight holds a reference, so f->closing is null here.
  FileObject* f = static_cast<FileObject*>(self);
  if (f->file) {
    if (f->closefd) std::fclose(f->file);
    else std::fflush(f->file);
  }
  decref(f->name);
  decref(f->mode);
}

bool is_file_object(Value v) { return v.is_object() && v.as_object()->type->slots.dealloc == file_dealloc; }

FileObject* self_file(ThreadState& ts, const Value* args, size_t nargs, const char* method) {
  if (nargs > 0 && is_file_object(args[0])) return as_file(args[0]);
  raisef(ts, ts.exc_types().TypeError, "descriptor '{}' requires a file object", method);
  return nullptr;
}

bool check_open(ThreadState& ts, FileObject* f) {
  if (f->file) return true;
  raise(ts, ts.exc_types().ValueError, "I/O operation on closed file.");
  return false;
}

Type* unsupported_operation(ThreadState& ts) { return ts.exc_types().OSError; }

// Checks that `op` is allowed on `f` (open: check_open came first) and
// seeks when stdio needs it between a read and a write; false with OSError
// when `op` is not allowed.
bool prepare(ThreadState& ts, FileObject* f, const FileCall& call, LastOp op) {
  if (op == LastOp::Read && !f->readable) {
    raise(ts, unsupported_operation(ts), "not readable");
    return false;
  }
  if (op == LastOp::Write && !f->writable) {
    raise(ts, unsupported_operation(ts), "not writable");
    return false;
  }
  if (f->last != LastOp::None && f->last != op) {
    BlockingRegion guard(ts, BlockCause::File);
    std::fseek(call.stream, 0, SEEK_CUR);
  }
  f->last = op;
  return true;
}

Value make_result(ThreadState& ts, FileObject* f, const std::string& data) {
  if (f->binary) return bytes_new(ts, data);
  if (!utf8_valid(data))
    return raise(ts, ts.exc_types().UnicodeDecodeError, "'utf-8' codec can't decode bytes: invalid UTF-8");
  return str_new(ts, data);
}

// Reads one line ('\n' included) of at most `limit` characters (bytes in
// binary mode); limit < 0: no limit.
void read_line(ThreadState& ts, const FileObject* f, FILE* stream, int64_t limit, std::string* out) {
  out->clear();
  BlockingRegion guard(ts, BlockCause::File);
  StreamLock lock(stream);
  if (limit < 0) {
    char* line = nullptr;
    size_t cap = 0;
    ssize_t n = getline(&line, &cap, stream);
    if (n > 0) out->assign(line, static_cast<size_t>(n));
    std::free(line);
    return;
  }
  int64_t chars = 0;
  while (chars < limit) {
    int c = getc_unlocked(stream);
    if (c == EOF) break;
    out->push_back(static_cast<char>(c));
    // A UTF-8 continuation byte does not start a new character.
    if (f->binary || (c & 0xC0) != 0x80) ++chars;
    if (c == '\n') break;
  }
  // Finish a character whose first byte was the last one counted.
  if (!f->binary) {
    for (;;) {
      int c = getc_unlocked(stream);
      if (c == EOF) break;
      if ((c & 0xC0) != 0x80) {
        std::ungetc(c, stream);
        break;
      }
      out->push_back(static_cast<char>(c));
    }
  }
}

bool optional_size(ThreadState& ts, Value v, int64_t* out) {
  *out = -1;
  if (!v || v.is(ts.none())) return true;
  return to_index(ts, v, out) || (ts.clear_error(), raisef(ts, ts.exc_types().TypeError,
                                                            "argument should be integer or None, not '{}'",
                                                            type_name(ts, v)), false);
}

// One read(2) for FileIO, retried when a signal interrupts it (PEP 475);
// -1 with errno set on failure. Runs with the GIL released.
ssize_t raw_read(int fd, char* buf, size_t n) {
  for (;;) {
    ssize_t got = ::read(fd, buf, n);
    if (got >= 0 || errno != EINTR) return got;
  }
}

Value file_read(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  FileObject* f = self_file(ts, args, nargs, "read");
  if (!f) return Value::null();
  if (!check_arg_range(ts, "read", nargs - 1, kwnames, 0, 1)) return Value::null();
  int64_t limit;
  if (!optional_size(ts, nargs > 1 ? args[1] : Value::null(), &limit) || !check_open(ts, f))
    return Value::null();
  FileCall call(ts, f);
  if (!prepare(ts, f, call, LastOp::Read)) return Value::null();
  std::string data;
  int raw_errno = 0;
  {
    BlockingRegion guard(ts, BlockCause::File);
    StreamLock lock(call.stream);
    if (f->raw && limit >= 0) {
      // FileIO.read(n): one system call, so a pipe or socket returns what
      // it has (the stream is unbuffered: stdio holds nothing back).
      data.resize(static_cast<size_t>(limit));
      ssize_t got = raw_read(fileno(call.stream), data.data(), data.size());
      data.resize(got > 0 ? static_cast<size_t>(got) : 0);
      if (got < 0) raw_errno = errno;
    } else if (limit < 0 || f->binary) {
      char buf[16384];
      while (limit < 0 || static_cast<int64_t>(data.size()) < limit) {
        size_t want = sizeof buf;
        if (limit >= 0) want = std::min(want, static_cast<size_t>(limit - static_cast<int64_t>(data.size())));
        size_t got = fread_unlocked(buf, 1, want, call.stream);
        data.append(buf, got);
        if (got < want) break;
      }
    } else {
      // Text: `limit` counts characters.
      int64_t chars = 0;
      for (;;) {
        int c = getc_unlocked(call.stream);
        if (c == EOF) break;
        if ((c & 0xC0) != 0x80) {
          if (chars == limit) {
            std::ungetc(c, call.stream);
            break;
          }
          ++chars;
        }
        data.push_back(static_cast<char>(c));
      }
    }
  }
  if (raw_errno) return raise_os_error(ts, raw_errno);
  if (std::ferror(call.stream)) {
    int err = errno;
    std::clearerr(call.stream);
    return raise_os_error(ts, err);
  }
  return make_result(ts, f, data);
}

// readinto(b) of the binary files: reads up to len(b) bytes (FileIO: one
// read(2)) into a bytearray or writable memoryview. The read goes to a
// buffer of the call's own and is copied into `b` with the GIL back: `b`
// may be resized or released while the GIL is released (in_flight.h,
// "Buffers").
Value file_readinto(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  FileObject* f = self_file(ts, args, nargs, "readinto");
  if (!f) return Value::null();
  if (!check_positional(ts, "readinto", nargs - 1, kwnames, 1, 1)) return Value::null();
  Value target = args[1];
  int64_t want = 0;
  if (!writable_buffer(ts, target, "readinto", "argument", &want)) return Value::null();
  if (!f->file) return raise(ts, ts.exc_types().ValueError, "readinto of closed file");
  FileCall call(ts, f);
  if (!prepare(ts, f, call, LastOp::Read)) return Value::null();
  std::string data(static_cast<size_t>(want), '\0');
  size_t got = 0;
  int err = 0;
  {
    BlockingRegion guard(ts, BlockCause::File);
    StreamLock lock(call.stream);
    if (f->raw) {
      ssize_t n = raw_read(fileno(call.stream), data.data(), data.size());
      if (n < 0) err = errno;
      else got = static_cast<size_t>(n);
    } else {
      got = fread_unlocked(data.data(), 1, data.size(), call.stream);
      if (ferror_unlocked(call.stream)) {
        err = errno ? errno : EIO;
        clearerr_unlocked(call.stream);
      }
    }
  }
  if (err) return raise_os_error(ts, err);
  if (!fill_buffer(ts, target, data.data(), got)) return Value::null();
  return int_from_i64(ts, static_cast<int64_t>(got));
}

Value file_readline(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  FileObject* f = self_file(ts, args, nargs, "readline");
  if (!f) return Value::null();
  if (!check_arg_range(ts, "readline", nargs - 1, kwnames, 0, 1)) return Value::null();
  int64_t limit;
  if (!optional_size(ts, nargs > 1 ? args[1] : Value::null(), &limit) || !check_open(ts, f))
    return Value::null();
  FileCall call(ts, f);
  if (!prepare(ts, f, call, LastOp::Read)) return Value::null();
  std::string line;
  read_line(ts, f, call.stream, limit, &line);
  return make_result(ts, f, line);
}

Value file_readlines(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  FileObject* f = self_file(ts, args, nargs, "readlines");
  if (!f) return Value::null();
  if (!check_arg_range(ts, "readlines", nargs - 1, kwnames, 0, 1)) return Value::null();
  int64_t hint;
  if (!optional_size(ts, nargs > 1 ? args[1] : Value::null(), &hint) || !check_open(ts, f))
    return Value::null();
  FileCall call(ts, f);
  if (!prepare(ts, f, call, LastOp::Read)) return Value::null();
  Ref list = Ref::steal(list_new(ts));
  if (!list) return Value::null();
  std::string line;
  int64_t total = 0;
  // A line at a time, as CPython's readlines reads them: a close() by
  // another thread between two lines ends the call with ValueError.
  for (;;) {
    if (!check_open(ts, f)) return Value::null();
    read_line(ts, f, call.stream, -1, &line);
    if (line.empty()) break;
    total += static_cast<int64_t>(line.size());
    Value s = make_result(ts, f, line);
    if (!s || !list_append_steal(ts, as_list(list.get()), s)) return Value::null();
    if (hint > 0 && total >= hint) break;
  }
  return list.release();
}

// The bytes to write for `v`, or false with a TypeError pending. A
// bytearray or memoryview can be resized or released by another thread
// while the write runs with the GIL released, so it is copied into *copy
// (in_flight.h, "Buffers"); bytes and str are immutable and used in place.
bool write_view(ThreadState& ts, FileObject* f, Value v, std::string_view* out, int64_t* count,
                std::string* copy) {
  if (f->binary) {
    if (!bytes_like_view(v, out)) {
      raisef(ts, ts.exc_types().TypeError, "a bytes-like object is required, not '{}'", type_name(ts, v));
      return false;
    }
    if (!has_layout(v, Tag::Bytes)) {
      copy->assign(*out);
      *out = *copy;
    }
    *count = static_cast<int64_t>(out->size());
    return true;
  }
  if (!is_str_like(v)) {
    raisef(ts, ts.exc_types().TypeError, "write() argument must be str, not {}", type_name(ts, v));
    return false;
  }
  Str* s = as_str(v);
  *out = s->view();
  *count = s->length;
  return true;
}

bool write_bytes(ThreadState& ts, FILE* stream, std::string_view data) {
  size_t n;
  {
    BlockingRegion guard(ts, BlockCause::File);
    n = std::fwrite(data.data(), 1, data.size(), stream);
  }
  if (n < data.size()) {
    int err = errno;
    std::clearerr(stream);
    raise_os_error(ts, err);
    return false;
  }
  return true;
}

Value file_write(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  FileObject* f = self_file(ts, args, nargs, "write");
  if (!f) return Value::null();
  if (!check_one_arg(ts, "write", nargs - 1, kwnames) || !check_open(ts, f)) return Value::null();
  FileCall call(ts, f);
  if (!prepare(ts, f, call, LastOp::Write)) return Value::null();
  std::string_view data;
  std::string copy;
  int64_t count;
  if (!write_view(ts, f, args[1], &data, &count, &copy)) return Value::null();
  if (!write_bytes(ts, call.stream, data)) return Value::null();
  return int_from_i64(ts, count);
}

Value file_writelines(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  FileObject* f = self_file(ts, args, nargs, "writelines");
  if (!f) return Value::null();
  if (!check_one_arg(ts, "writelines", nargs - 1, kwnames) || !check_open(ts, f)) return Value::null();
  FileCall call(ts, f);
  if (!prepare(ts, f, call, LastOp::Write)) return Value::null();
  Ref it = Ref::steal(get_iter(ts, args[1]));
  if (!it) return Value::null();
  for (;;) {
    Ref line = Ref::steal(iter_next(ts, it.get()));
    if (!line) {
      if (ts.has_error()) return Value::null();
      break;
    }
    // Each line is a write() in CPython: after a close() by another
    // thread, the next one raises.
    if (!check_open(ts, f)) return Value::null();
    std::string_view data;
    std::string copy;
    int64_t count;
    if (!write_view(ts, f, line.get(), &data, &count, &copy) || !write_bytes(ts, call.stream, data))
      return Value::null();
  }
  return newref(ts.none());
}

Value file_flush(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  FileObject* f = self_file(ts, args, nargs, "flush");
  if (!f) return Value::null();
  if (!check_no_args(ts, "flush", nargs - 1, kwnames) || !check_open(ts, f)) return Value::null();
  FileCall call(ts, f);
  int rc;
  {
    BlockingRegion guard(ts, BlockCause::File);
    rc = std::fflush(call.stream);
  }
  if (rc != 0) return raise_os_error(ts, errno);
  return newref(ts.none());
}

// Marks f closed; the stream is closed now, or by the last call in flight
// (in_flight.h).
bool close_file(ThreadState& ts, FileObject* f) {
  if (!f->file) return true;
  FILE* file = f->file;
  f->file = nullptr;
  if (!release_now_or_defer(f->in_flight, release_closing_stream)) {
    f->closing = file;
    return true;
  }
  int rc;
  {
    BlockingRegion guard(ts, BlockCause::File);
    rc = f->closefd ? std::fclose(file) : std::fflush(file);
  }
  if (rc != 0) {
    raise_os_error(ts, errno);
    return false;
  }
  return true;
}

Value file_close(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  FileObject* f = self_file(ts, args, nargs, "close");
  if (!f) return Value::null();
  if (!check_no_args(ts, "close", nargs - 1, kwnames)) return Value::null();
  if (!close_file(ts, f)) return Value::null();
  return newref(ts.none());
}

Value file_seek(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  FileObject* f = self_file(ts, args, nargs, "seek");
  if (!f) return Value::null();
  if (!check_arg_range(ts, "seek", nargs - 1, kwnames, 1, 2) || !check_open(ts, f)) return Value::null();
  int64_t offset, whence = SEEK_SET;
  if (!to_index(ts, args[1], &offset)) return Value::null();
  if (nargs > 2 && !to_index(ts, args[2], &whence)) return Value::null();
  if (whence < 0 || whence > 2)
    return raisef(ts, ts.exc_types().ValueError, "invalid whence ({}, should be 0, 1 or 2)", whence);
  if (!f->binary && whence != SEEK_SET && offset != 0)
    return raise(ts, unsupported_operation(ts), whence == SEEK_CUR ? "can't do nonzero cur-relative seeks"
                                                                    : "can't do nonzero end-relative seeks");
  if (whence == SEEK_SET && offset < 0)
    return raisef(ts, ts.exc_types().ValueError, "negative seek position {}", offset);
  FileCall call(ts, f);
  int rc;
  off_t pos;
  {
    BlockingRegion guard(ts, BlockCause::File);
    StreamLock lock(call.stream);
    rc = fseeko(call.stream, static_cast<off_t>(offset), static_cast<int>(whence));
    pos = ftello(call.stream);
  }
  if (rc != 0 || pos < 0) return raise_os_error(ts, errno);
  f->last = LastOp::None;
  return int_from_i64(ts, static_cast<int64_t>(pos));
}

Value file_tell(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  FileObject* f = self_file(ts, args, nargs, "tell");
  if (!f) return Value::null();
  if (!check_no_args(ts, "tell", nargs - 1, kwnames) || !check_open(ts, f)) return Value::null();
  FileCall call(ts, f);
  off_t pos;
  {
    // Waits for the stream's lock, which a read blocked on a pipe holds.
    BlockingRegion guard(ts, BlockCause::File);
    pos = ftello(call.stream);
  }
  if (pos < 0) return raise_os_error(ts, errno);
  return int_from_i64(ts, static_cast<int64_t>(pos));
}

Value file_truncate(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  FileObject* f = self_file(ts, args, nargs, "truncate");
  if (!f) return Value::null();
  if (!check_arg_range(ts, "truncate", nargs - 1, kwnames, 0, 1) || !check_open(ts, f)) return Value::null();
  if (!f->writable) return raise(ts, unsupported_operation(ts), "File not open for writing");
  int64_t size = -1;
  if (nargs > 1 && !args[1].is(ts.none()) && !to_index(ts, args[1], &size)) return Value::null();
  FileCall call(ts, f);
  int rc;
  {
    BlockingRegion guard(ts, BlockCause::File);
    StreamLock lock(call.stream);
    std::fflush(call.stream);
    if (size < 0) size = static_cast<int64_t>(ftello(call.stream));
    rc = ftruncate(fileno(call.stream), static_cast<off_t>(size));
  }
  if (rc != 0) return raise_os_error(ts, errno);
  return int_from_i64(ts, size);
}

Value file_fileno(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  FileObject* f = self_file(ts, args, nargs, "fileno");
  if (!f) return Value::null();
  if (!check_no_args(ts, "fileno", nargs - 1, kwnames) || !check_open(ts, f)) return Value::null();
  return Value::from_small(fileno(f->file));
}

template <int Which>
Value file_query(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  static constexpr const char* kNames[] = {"readable", "writable", "seekable", "isatty"};
  FileObject* f = self_file(ts, args, nargs, kNames[Which]);
  if (!f) return Value::null();
  if (!check_no_args(ts, kNames[Which], nargs - 1, kwnames) || !check_open(ts, f)) return Value::null();
  switch (Which) {
    case 0: return ts.bool_value(f->readable);
    case 1: return ts.bool_value(f->writable);
    case 2: return ts.bool_value(lseek(fileno(f->file), 0, SEEK_CUR) >= 0);
    default: return ts.bool_value(isatty(fileno(f->file)));
  }
}

Value file_enter(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  FileObject* f = self_file(ts, args, nargs, "__enter__");
  if (!f || !check_open(ts, f)) return Value::null();
  return newref(args[0]);
}

Value file_exit(ThreadState& ts, const Value* args, size_t nargs, Tuple*) {
  FileObject* f = self_file(ts, args, nargs, "__exit__");
  if (!f || !close_file(ts, f)) return Value::null();
  return newref(ts.none());
}

Value file_iter(ThreadState& ts, Value self) {
  if (!check_open(ts, as_file(self))) return Value::null();
  return newref(self);
}

Value file_iternext(ThreadState& ts, Value self) {
  FileObject* f = as_file(self);
  if (!check_open(ts, f)) return Value::null();
  FileCall call(ts, f);
  if (!prepare(ts, f, call, LastOp::Read)) return Value::null();
  std::string line;
  read_line(ts, f, call.stream, -1, &line);
  if (line.empty()) return Value::null();
  return make_result(ts, f, line);
}

Value file_repr(ThreadState& ts, Value self) {
  FileObject* f = as_file(self);
  std::string_view tn = type_name(ts, self);
  // CPython's raw file forgets its name when closed; the buffered and text
  // layers keep showing theirs.
  if (f->raw && !f->file) return str_new(ts, fmt::format("<_io.{} [closed]>", tn));
  std::string name;
  if (!repr_utf8(ts, f->name, &name)) return Value::null();
  std::string mode;
  if (!repr_utf8(ts, f->mode, &mode)) return Value::null();
  if (f->raw)
    return str_new(ts, fmt::format("<_io.{} name={} mode={} closefd={}>", tn, name, mode,
                                   f->closefd ? "True" : "False"));
  if (f->binary) return str_new(ts, fmt::format("<_io.{} name={}>", tn, name));
  return str_new(ts, fmt::format("<_io.{} name={} mode={} encoding='UTF-8'>", tn, name, mode));
}

Value file_getattr(ThreadState& ts, Value self, Str* name) {
  FileObject* f = as_file(self);
  std::string_view n = name->view();
  if (n == "closed") return ts.bool_value(f->file == nullptr);
  if (n == "name") return newref(f->name);
  if (n == "mode") return newref(f->mode);
  if (f->raw && n == "closefd") return ts.bool_value(f->closefd);
  if (!f->binary) {
    if (n == "encoding") return str_new(ts, "UTF-8");
    if (n == "errors") return str_new(ts, "strict");
    if (n == "newlines") return newref(ts.none());
  }
  return generic_getattr(ts, self, name);
}

Type* make_file_type(ThreadState& ts, const char* name, bool binary) {
  Type* type = new_builtin_type(ts, name, nullptr, Tag::Other, sizeof(FileObject));
  type->slots.dealloc = file_dealloc;
  type->slots.repr = file_repr;
  type->slots.getattr = file_getattr;
  type->slots.iter = file_iter;
  type->slots.iternext = file_iternext;
  add_method(ts, type, "read", file_read);
  add_method(ts, type, "readline", file_readline);
  if (binary) add_method(ts, type, "readinto", file_readinto);
  add_method(ts, type, "readlines", file_readlines);
  add_method(ts, type, "write", file_write);
  add_method(ts, type, "writelines", file_writelines);
  add_method(ts, type, "flush", file_flush);
  add_method(ts, type, "close", file_close);
  add_method(ts, type, "seek", file_seek);
  add_method(ts, type, "tell", file_tell);
  add_method(ts, type, "truncate", file_truncate);
  add_method(ts, type, "fileno", file_fileno);
  add_method(ts, type, "readable", file_query<0>);
  add_method(ts, type, "writable", file_query<1>);
  add_method(ts, type, "seekable", file_query<2>);
  add_method(ts, type, "isatty", file_query<3>);
  add_method(ts, type, "__enter__", file_enter);
  add_method(ts, type, "__exit__", file_exit);
  type_set_attr(ts, type, "__module__", Value::from_object(str_intern(ts, "_io")));
  return type;
}

// open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True)
// args[0] is the hidden `_io` module holding the four file types.
Value builtin_open(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  Dict* types = as_module(args[0])->dict;
  Value a[7];
  if (!parse_args(ts, "open", args + 1, nargs - 1, kwnames,
                  {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd"}, 1, -1, a))
    return Value::null();
  Value file = a[0];
  std::string mode = "r";
  if (a[1]) {
    if (!is_str_like(a[1]))
      return raisef(ts, ts.exc_types().TypeError, "open() argument 'mode' must be str, not {}", type_name(ts, a[1]));
    mode = std::string(as_str(a[1])->view());
  }
  int kind = 0, plus = 0, b = 0, t = 0;
  char primary = 0;
  for (char c : mode) {
    switch (c) {
      case 'r': case 'w': case 'a': case 'x': ++kind; primary = c; break;
      case '+': ++plus; break;
      case 'b': ++b; break;
      case 't': ++t; break;
      default: kind = 99;
    }
  }
  if (kind == 99 || plus > 1 || b > 1 || t > 1 || mode.size() != static_cast<size_t>(kind + plus + b + t))
    return raisef(ts, ts.exc_types().ValueError, "invalid mode: '{}'", mode);
  if (b && t) return raise(ts, ts.exc_types().ValueError, "can't have text and binary mode at once");
  if (kind != 1)
    return raise(ts, ts.exc_types().ValueError, "must have exactly one of create/read/write/append mode");
  bool binary = b;
  if (binary && a[3] && !a[3].is(ts.none()))
    return raise(ts, ts.exc_types().ValueError, "binary mode doesn't take an encoding argument");
  if (binary && a[4] && !a[4].is(ts.none()))
    return raise(ts, ts.exc_types().ValueError, "binary mode doesn't take an errors argument");
  if (binary && a[5] && !a[5].is(ts.none()))
    return raise(ts, ts.exc_types().ValueError, "binary mode doesn't take a newline argument");
  if (a[3] && !a[3].is(ts.none())) {
    if (!is_str_like(a[3]))
      return raisef(ts, ts.exc_types().TypeError, "open() argument 'encoding' must be str or None, not {}",
                    type_name(ts, a[3]));
    std::string enc(as_str(a[3])->view());
    for (char& c : enc) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (enc != "utf-8" && enc != "utf8" && enc != "ascii" && enc != "us-ascii" && enc != "utf_8" &&
        enc != "locale")
      return raisef(ts, ts.exc_types().LookupError, "unknown encoding: {}", as_str(a[3])->view());
  }
  // buffering: 0 writes through at once (binary only, as CPython), 1 is
  // line buffering (text); anything else keeps stdio's full buffering. A
  // pipe to a child (subprocess's bufsize) is where the difference shows.
  int64_t buffering = -1;
  if (a[2] && !to_index(ts, a[2], &buffering)) return Value::null();
  if (buffering == 0 && !binary)
    return raise(ts, ts.exc_types().ValueError, "can't have unbuffered text I/O");
  bool closefd = true;
  if (a[6]) {
    int tr = truthy(ts, a[6]);
    if (tr < 0) return Value::null();
    closefd = tr;
  }

  int flags = 0;
  bool readable = primary == 'r' || plus, writable = primary != 'r' || plus;
  flags = plus ? O_RDWR : (primary == 'r' ? O_RDONLY : O_WRONLY);
  if (primary == 'w') flags |= O_CREAT | O_TRUNC;
  if (primary == 'a') flags |= O_CREAT | O_APPEND;
  if (primary == 'x') flags |= O_CREAT | O_EXCL;
  flags |= O_CLOEXEC;

  int fd;
  Ref fspath_result;  // keeps a PathLike's str alive as `file`
  if (is_int_like(file) && !has_layout(file, Tag::Bool)) {
    int64_t n;
    if (!to_index(ts, file, &n)) return Value::null();
    if (n < 0) return raise(ts, ts.exc_types().ValueError, "negative file descriptor");
    fd = static_cast<int>(n);
  } else {
    std::string path;
    if (is_str_like(file)) {
      path = std::string(as_str(file)->view());
    } else if (has_layout(file, Tag::Bytes)) {
      std::string_view v;
      bytes_like_view(file, &v);
      path = std::string(v);
    } else {
      Ref fspath = Ref::steal(get_attr_optional(ts, file, str_intern(ts, "__fspath__")));
      if (!fspath) {
        if (ts.has_error()) return Value::null();
        return raisef(ts, ts.exc_types().TypeError, "expected str, bytes or os.PathLike object, not {}",
                      type_name(ts, file));
      }
      Value p = call(ts, fspath.get(), nullptr, 0);
      if (!p) return Value::null();
      if (!is_str_like(p)) {
        decref(p);
        return raise(ts, ts.exc_types().TypeError, "expected __fspath__() to return str");
      }
      fspath_result = Ref::steal(p);
      path = std::string(as_str(p)->view());
      file = p;
    }
    if (path.find('\0') != std::string::npos) return raise(ts, ts.exc_types().ValueError, "embedded null byte");
    {
      BlockingRegion guard(ts, BlockCause::File);
      fd = ::open(path.c_str(), flags, 0666);
    }
    if (fd < 0) return raise_os_error(ts, errno, file);
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
      ::close(fd);
      return raise_os_error(ts, EISDIR, file);
    }
  }
  const char* fmode = "r";
  if (primary == 'r') fmode = plus ? "r+" : "r";
  else if (primary == 'a') fmode = plus ? "a+" : "a";
  else fmode = plus ? "r+" : "w";  // w/x: the descriptor is already truncated or new
  FILE* stream = fdopen(fd, fmode);
  if (!stream) {
    int err = errno;
    if (closefd) ::close(fd);
    return raise_os_error(ts, err, file);
  }

  if (buffering == 0) std::setvbuf(stream, nullptr, _IONBF, 0);
  if (buffering == 1 && !binary) std::setvbuf(stream, nullptr, _IOLBF, BUFSIZ);

  const char* type_key = "TextIOWrapper";
  std::string shown_mode = mode;
  bool raw = binary && buffering == 0;
  if (binary) {
    type_key = raw ? "FileIO" : plus ? "BufferedRandom" : (primary == 'r' ? "BufferedReader" : "BufferedWriter");
    // CPython's FileIO names its mode after what it can do ('w+b' is
    // 'rb+'); the buffered layer reports its raw file's.
    if (primary == 'x' || primary == 'a') shown_mode = std::string(1, primary) + (plus ? "b+" : "b");
    else shown_mode = plus ? "rb+" : (primary == 'r' ? "rb" : "wb");
  }
  Type* type = static_cast<Type*>(dict_get_str(types, str_intern(ts, type_key)).as_object());
  Value mode_str = str_new(ts, shown_mode);
  if (!mode_str) {
    std::fclose(stream);
    return Value::null();
  }
  FileObject* f = alloc<FileObject>(ts, type, Tag::Other);
  f->file = stream;
  f->name = newref(file);
  f->mode = mode_str;
  f->readable = readable;
  f->writable = writable;
  f->binary = binary;
  f->closefd = closefd;
  f->raw = raw;
  f->last = LastOp::None;
  return Value::from_object(f);
}

}  // namespace

void init_open_builtin(ThreadState& ts, Dict* d) {
  Ref io = Ref::steal(module_new(ts, "_io"));
  if (!io) return;
  Dict* iod = as_module(io.get())->dict;
  for (const char* name : {"TextIOWrapper", "BufferedReader", "BufferedWriter", "BufferedRandom", "FileIO"})
    dict_set_str(ts, iod, name, Value::from_object(make_file_type(ts, name, name[0] != 'T')));
  Ref open = Ref::steal(builtin_new(ts, "open", builtin_open, io.get()));
  if (open) dict_set_str(ts, d, "open", open.get());
}

}  // namespace gilvm
