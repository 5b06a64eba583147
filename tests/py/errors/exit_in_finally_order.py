# sys.exit with a large status from inside nested calls; finally blocks run first.
import sys
def inner():
    try:
        sys.exit(42)
    finally:
        print("inner cleanup")
def outer():
    try:
        inner()
    finally:
        print("outer cleanup")
outer()
