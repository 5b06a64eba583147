# sys.exit() and sys.exit(None) exit with status 0; SystemExit can be caught.
import sys
for arg in [5, "message", None]:
    try:
        sys.exit(arg)
    except SystemExit as e:
        print("caught SystemExit with code", repr(e.code))
try:
    sys.exit()
except SystemExit as e:
    print("no argument:", repr(e.code))
try:
    raise SystemExit(7)
except SystemExit as e:
    print("raised directly:", e.code)
def cleanup_runs():
    try:
        sys.exit(0)
    finally:
        print("finally blocks run during sys.exit")
try:
    cleanup_runs()
except SystemExit as e:
    print("code", e.code)
print("about to exit")
sys.exit(None)
print("never printed")
