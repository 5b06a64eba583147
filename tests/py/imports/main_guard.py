# `if __name__ == "__main__":` runs for the script, not for an imported module.
import _fixtures.guarded

print("script __name__:", __name__)
if __name__ == "__main__":
    print("running as the main script")
