# parse_args() with no command-line arguments: the usage and the error go to stderr, exit 2.
import argparse

parser = argparse.ArgumentParser(description="Greets someone.")
parser.add_argument("name")
parser.add_argument("--times", type=int, default=1)
print("parsing")
arguments = parser.parse_args()
print("not reached", arguments)
