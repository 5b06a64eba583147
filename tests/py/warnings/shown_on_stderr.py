# A warning with no source line to show is one line on standard error; the program goes on.
import warnings

exec('import warnings\nwarnings.warn("from exec", UserWarning)')
exec('import warnings\nwarnings.warn("deprecated here", DeprecationWarning)')
print("still running")
