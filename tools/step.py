"""Run one long step of the build quietly: one line on screen, the tools' chatter in a log file.

    python3 tools/step.py NAME "What the step does" [--show REGEX [--fmt FORMAT]] [--together] -- COMMAND ...

prints "What the step does ..." and, when COMMAND ends, how long it took. Everything COMMAND
writes (pip's notices, npm's, the kernel's, Sphinx's) goes to _build/logs/NAME.log. Lines that
match --show are printed too, as progress (with --fmt, rewritten from the regex's named
groups). If COMMAND fails, the log's warnings and its last lines are printed, with its path,
and the step exits with COMMAND's exit code. VERBOSE=1 prints every line as well.
--together: another step runs at the same time (the Makefile starts both): this one prints nothing until
COMMAND ends, then its line, its result and its shown lines at once, so the two never share a line.

Standard library only: it runs before .venv exists.
"""
import argparse
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOGS = ROOT / "_build" / "logs"
TAIL = 25          # lines of the log shown when a step fails
# lines worth showing when a step fails: warnings, errors, and pytest's "E   ..." explanation lines
WARNINGS = re.compile(r"\b(WARNING|ERROR|error|FAILED|Traceback)\b|\w*Error\b|^E\s")
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")     # colours: kept out of the log and the screen
NOISE = re.compile(r"is ignored: it is neither a file nor a directory")   # pip, extra index here


def duration(seconds):
    if seconds < 60:
        return f"{seconds:.0f} s" if seconds >= 10 else f"{seconds:.1f} s"
    return f"{seconds // 60:.0f} min {seconds % 60:02.0f} s"


class Status:
    """The step's line. On a terminal it ticks every second; in a log (CI) it is written once."""

    def __init__(self, message, together=False):
        self.message = message
        self.start = time.monotonic()
        self.tty = sys.stdout.isatty() and not together
        self.lock = threading.Lock()
        self.done = threading.Event()
        self.open = True      # (no terminal) the step's line awaits its result
        self.held = [] if together else None     # (--together) shown lines, printed with the result
        if not together:
            self.draw(f"{message} ...")
        if self.tty:
            threading.Thread(target=self.tick, daemon=True).start()

    def elapsed(self):
        return time.monotonic() - self.start

    def draw(self, text, end=""):
        with self.lock:
            if self.tty:
                sys.stdout.write("\r\033[K")
            sys.stdout.write(text + end)
            sys.stdout.flush()

    def tick(self):
        while not self.done.wait(1.0):
            self.draw(f"{self.message} ... {duration(self.elapsed())}")

    def say(self, line):
        """A progress line of the tool's own, printed under the step's line."""
        if self.held is not None:
            self.held.append(line)
        elif self.tty:
            self.draw(f"    {line}", end="\n")
            self.draw(f"{self.message} ... {duration(self.elapsed())}")
        else:
            self.draw(f"{chr(10) if self.open else ''}    {line}", end="\n")
            self.open = False

    def finish(self, ok):
        self.done.set()
        result = f"{'done' if ok else 'FAILED'} in {duration(self.elapsed())}"
        if self.held is not None:
            self.draw(f"{self.message} ... {result}" + "".join(f"\n    {line}" for line in self.held), end="\n")
        elif self.tty or not self.open:
            self.draw(f"{self.message} ... {result}", end="\n")
        else:
            self.draw(f" {result}", end="\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name", help="log file name: _build/logs/NAME.log")
    parser.add_argument("message", help="the line shown for this step")
    parser.add_argument("--show", help="print the tool's lines that match this regex")
    parser.add_argument("--fmt", help="print a matched line as this format of the regex's named groups")
    parser.add_argument("--tail", type=int, default=TAIL, help="log lines shown on failure")
    parser.add_argument("--together", action="store_true",
                        help="another step runs at the same time: print this one's line when it ends")
    argv = sys.argv[1:]
    if "--" not in argv or argv.index("--") == len(argv) - 1:
        parser.error("give the command after --")
    args = parser.parse_args(argv[:argv.index("--")])
    command = argv[argv.index("--") + 1:]

    LOGS.mkdir(parents=True, exist_ok=True)
    log_path = LOGS / f"{args.name}.log"
    show = re.compile(args.show) if args.show else None
    verbose = os.environ.get("VERBOSE", "") not in ("", "0")
    prefix = f"{ROOT}{os.sep}"

    status = Status(args.message, args.together)
    with open(log_path, "w", encoding="utf-8", errors="replace") as log:
        log.write(f"$ {' '.join(command)}\n")
        log.flush()
        try:
            proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                    stdin=subprocess.DEVNULL, text=True, errors="replace", bufsize=1)
        except OSError as exc:
            log.write(f"{exc}\n")
            status.finish(False)
            print(f"    could not start {command[0]}: {exc}")
            return 127
        for line in proc.stdout:
            line = ANSI.sub("", line)
            log.write(line)
            log.flush()
            text = line.rstrip().replace(prefix, "")
            if verbose:
                status.say(text)
            elif show and (m := show.search(text)):
                status.say(args.fmt.format(**m.groupdict()) if args.fmt else text)
        rc = proc.wait()
        log.write(f"\n[exit code {rc} after {duration(status.elapsed())}]\n")

    status.finish(rc == 0)
    if rc != 0:
        lines = log_path.read_text(encoding="utf-8", errors="replace").splitlines()
        tail = args.tail
        warned = [ln for ln in lines[1:-tail] if WARNINGS.search(ln) and not NOISE.search(ln)
                  and not (show and show.search(ln))]
        if warned:
            print(f"---- warnings and errors in the log ({len(warned)} lines; first 20) ----")
            print("\n".join(warned[:20]))
        print(f"---- last {tail} lines of {log_path.relative_to(ROOT)} ----")
        print("\n".join(lines[-tail:]))
        print(f"---- the whole output: {log_path.relative_to(ROOT)} ----")
    return rc


if __name__ == "__main__":
    sys.exit(main())
