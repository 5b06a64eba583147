# Each thread has its own current contextvars.Context: a new thread starts with an empty one,
# and threads entering and leaving contexts at the same time (as asyncio's event loop does
# while to_thread's worker runs in a copied context) never see each other's.
import contextvars
import sys
import threading

sys.setswitchinterval(1e-5)
var = contextvars.ContextVar("var", default="unset")
var.set("main value")


def fresh_thread(seen):
    seen.append(var.get())
    seen.append(len(contextvars.copy_context()))
    var.set("thread value")
    seen.append(var.get())


seen = []
thread = threading.Thread(target=fresh_thread, args=(seen,))
thread.start()
thread.join()
print("a new thread sees:", seen, "and main still sees:", var.get())


def work(expected, wrong):
    total = 0
    for k in range(100):
        total += k
    if var.get() != expected:
        wrong.append(expected)


def switch_contexts(rounds, label, wrong):
    for _ in range(rounds):
        context = contextvars.copy_context()
        context.run(var.set, label)
        context.run(work, label, wrong)
        if var.get() == label:
            wrong.append("leaked " + label)


wrong = []
threads = [threading.Thread(target=switch_contexts, args=(200, f"worker {i}", wrong))
           for i in range(2)]
for thread in threads:
    thread.start()
switch_contexts(200, "main", wrong)
for thread in threads:
    thread.join()
print("wrong reads:", len(wrong), "main sees:", var.get())

token = var.set("again")
result = []
helper = threading.Thread(target=lambda: result.append(var.get()))
helper.start()
helper.join()
var.reset(token)
print("helper saw:", result, "after reset:", var.get())
