# exit() and quit() raise SystemExit; breakpoint() calls sys.breakpointhook.
import sys

for function in (exit, quit):
    for arguments in ((), (3,), ("message",)):
        try:
            function(*arguments)
        except SystemExit as stop:
            print(arguments, stop.code, stop.args)
try:
    exit(code=5)
except SystemExit as stop:
    print("code keyword", stop.code)


def hook(*arguments, **keywords):
    print("hook", arguments, keywords)
    return "from hook"


sys.breakpointhook = hook
print(breakpoint(1, two=2))
sys.stdout.flush()
quit(4)
