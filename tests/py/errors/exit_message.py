# sys.exit("msg") prints the message to stderr and exits with status 1.
import sys
def main():
    print("working")
    sys.exit("fatal: something went wrong")
main()
