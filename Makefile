# One-command entry points. `make test` is what CI runs (.ci/run).
SHELL := /bin/bash
JOBS ?= 2
DEB_PACKAGES := cmake ninja-build g++ libgmp-dev libfmt-dev libgtest-dev libbenchmark-dev nlohmann-json3-dev python3 libpython3.11-stdlib lua5.4 time spin clang libclang-rt-14-dev

.PHONY: deps build build-asan build-tsan fuzz test test-long run bench screenshots format clean

# Every Python test runs under each GIL policy.
POLICIES := -DGILVM_TEST_GIL_POLICIES=legacy,interval,fair

deps:
	@missing=""; \
	for p in $(DEB_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" -ne 0 ]; then \
	    echo "error: missing Debian packages:$$missing" >&2; \
	    echo "       run 'sudo make deps' or 'sudo apt-get install$$missing'" >&2; \
	    exit 1; \
	  fi; \
	  echo "installing:$$missing"; \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $$missing; \
	fi

build:
	cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DGILVM_SANITIZE= $(POLICIES)
	cmake --build build -j$(JOBS)

# ASan and UBSan, with clang and libFuzzer's coverage instrumentation: one
# build runs every test under the sanitizers and hosts the libFuzzer targets
# (docs/fuzzing.md), where two builds cost CI about 150 s more. It keeps the
# assertions (no NDEBUG), and the eval loop in its switch form (clang rejects
# the computed-goto one).
build-asan:
	cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ -DGILVM_FUZZ=ON
	cmake --build build-asan -j$(JOBS)

# ThreadSanitizer checks the GIL, the locks, the trace buffers, and the
# threading and multiprocessing tests, the small-stack recursion tests among
# them (stack_limit.cpp caps the usable stack under TSan, whose stack depot
# holds at most 65,536 frames). die_after_fork=0: TSan refuses by
# default to start threads in a child forked from a threaded process, which
# is exactly what the fork-safety tests do (its checking of the child is
# then best-effort; the parent is checked in full).
build-tsan:
	cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGILVM_SANITIZE=thread $(POLICIES)
	cmake --build build-tsan -j$(JOBS)

# Runs each libFuzzer target for FUZZ_SECONDS; the corpus grows in build-asan/fuzz/.
FUZZ_SECONDS ?= 300
fuzz: deps build-asan
	python3 tests/fuzz/libfuzzer.py --build build-asan --seconds $(FUZZ_SECONDS)

# Stages run in order and are timed; both test runs happen even when the
# first fails (a stage whose build failed is skipped), a summary closes the
# output, and the exit status is non-zero if any stage failed.
test:
	@status=0; t_all=$$SECONDS; summary=""; \
	stage() { \
	  local name="$$1"; shift; local t0=$$SECONDS r=ok; \
	  echo "=== $$name"; \
	  "$$@" || { r=FAILED; status=1; }; \
	  summary+="$$(printf '  %-18s %-7s %5d s' "$$name" "$$r" $$((SECONDS - t0)))"$$'\n'; \
	  echo "=== $$name: $$r ($$((SECONDS - t0)) s)"; \
	  [ "$$r" = ok ]; \
	}; \
	stage "deps" $(MAKE) --no-print-directory deps && { \
	  stage "build" $(MAKE) --no-print-directory build && \
	    stage "ctest" bash -c 'cd build && ctest --output-on-failure -j$(JOBS)'; \
	  stage "build-asan" $(MAKE) --no-print-directory build-asan && \
	    { stage "ctest-asan" bash -c 'cd build-asan && ASAN_OPTIONS=detect_leaks=0 \
	        UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j$(JOBS)'; \
	      stage "fuzz" python3 tests/fuzz/libfuzzer.py --build build-asan --seconds 60 --parallel; }; \
	  stage "build-tsan" $(MAKE) --no-print-directory build-tsan && \
	    stage "ctest-tsan" bash -c 'cd build-tsan && TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1:die_after_fork=0 \
	      ctest --output-on-failure -j$(JOBS) -R "GilTest|TraceTest|py/threads|py/stdlib/thread|py/multiprocessing|py/net|py/subprocess|py/futures|^trace$$"'; \
	}; \
	printf '=== make test summary\n%s  %-18s %-7s %5d s\n' "$$summary" total \
	  "$$( [ $$status = 0 ] && echo ok || echo FAILED)" $$((SECONDS - t_all)); \
	exit $$status

# The long mode of the tests that race threads (GILVM_TEST_LONG=1: a
# thousand rounds of close() against reads and writes), under every policy,
# in the Release build and, when it has been built, the TSan one.
LONG_TESTS := $(shell grep -rl GILVM_TEST_LONG tests/py)
test-long: deps build
	python3 tests/run_py_tests.py --long --gilvm build/gilvm --gil-policies=legacy,interval,fair $(LONG_TESTS)
	@if [ -x build-tsan/gilvm ]; then \
	  TSAN_OPTIONS=halt_on_error=1:die_after_fork=0 GILVM_NO_PYTHON3=1 python3 tests/run_py_tests.py --long \
	    --gilvm build-tsan/gilvm --gil-policies=legacy,interval,fair $(LONG_TESTS); fi

# The seed's experiment at the seed's own count: 3 runtimes x 3 cases x 2 CPU
# settings x 3 repeats, about a minute on a 2-core machine.
run: deps build
	./build/gilvm bench seed --count 100000000 --json build/seed.json --html build/seed.html
	@echo "chart: build/seed.html"

bench: deps build
	python3 bench/run.py

# The pictures of docs/seeing-the-gil.md (headless Chromium; installs it
# and playwright-core on first use, see tests/browser/setup.js).
screenshots: deps build
	node tests/browser/screenshot.js --gilvm build/gilvm --out docs/images --work build/screenshots

format:
	find src tests/unit \( -name '*.cpp' -o -name '*.h' -o -name '*.hpp' \) -print0 2>/dev/null \
	  | xargs -0 -r clang-format -i

clean:
	rm -rf build build-asan build-tsan
