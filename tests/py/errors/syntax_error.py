# A syntax error: nothing runs, not even the first print, and the status is 1.
print("this line must not be printed")
if True
    print("missing colon")
