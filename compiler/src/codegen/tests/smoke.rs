use super::helpers::*;

#[test]
fn smoke_listing() {
    for source in [
        "def f():\n    try:\n        a()\n    except E as e:\n        b(e)\n    except:\n        c()\n    else:\n        d()\n",
        "def f():\n    try:\n        return a()\n    finally:\n        b()\n",
        "def f():\n    for x in y:\n        with m() as v:\n            return v\n",
        "def f():\n    for x in y:\n        try:\n            pass\n        finally:\n            break\n",
        "def f():\n    while x:\n        try:\n            continue\n        except E as e:\n            break\n",
        "def f():\n    try:\n        pass\n    finally:\n        return 1\n",
        "def f():\n    try:\n        x = 1\n    except E:\n        return 2\n",
    ] {
        println!("{source}");
        println!("{}", crate::disassemble::disassemble(&nested(&compile(source), "f")));
    }
}
