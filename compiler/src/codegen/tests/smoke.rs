use super::helpers::*;

#[test]
fn smoke_listing() {
    let code = compile(
        "import os.path as p\nx = [1, 2]\ndef f(a, b=2, *c, d, e=5, **g):\n    '''doc'''\n    def h():\n        return a + x\n    for i in range(3):\n        if i: break\n    try:\n        return h()\n    except ValueError as err:\n        print(err)\n    finally:\n        print('done')\n    with open(a) as fh, g:\n        pass\nclass C(object, metaclass=M):\n    def m(self):\n        return super().m(f'{self!r:>{10}} {x=}')\nprint([y * 2 for y in x if y], *x, **{'sep': ''})\n",
    );
    println!("{}", crate::disassemble::disassemble(&code));
}
