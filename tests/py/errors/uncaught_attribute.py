# An AttributeError on an instance, uncaught inside a method.
class Account:
    def __init__(self, owner):
        self.owner = owner
    def summary(self):
        return f"{self.owner}: {self.balance_in_cents}"
acct = Account("ada")
print(acct.owner)
print(acct.summary())
