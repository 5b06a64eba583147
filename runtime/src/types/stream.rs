//! Methods of `sys.stdout`, `sys.stderr` and `sys.stdin`.

use std::io::BufRead;

use crate::object::Payload;
use crate::stream::TextStream;
use crate::value::Value;
use crate::{Arguments, Host, PyResult};

/// The text stream methods.
pub const METHODS: crate::types::MethodTable = &[
    ("write", write),
    ("flush", flush),
    ("readline", readline),
    ("read", read),
    ("isatty", isatty),
    ("fileno", fileno),
];

fn receiver(host: &mut dyn Host, arguments: &Arguments) -> PyResult<TextStream> {
    match arguments
        .values
        .first()
        .and_then(|value| value.as_object())
        .map(|object| &object.payload)
    {
        Some(Payload::TextStream(stream)) => Ok(*stream),
        _ => Err(host
            .runtime()
            .type_error("descriptor requires a text stream")),
    }
}

fn write(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let stream = receiver(host, &arguments)?;
    let Some(text) = arguments
        .values
        .get(1)
        .and_then(|&value| crate::protocol::str_value(value))
    else {
        let runtime = host.runtime();
        let given = arguments
            .values
            .get(1)
            .map_or("nothing".to_string(), |&value| {
                crate::protocol::type_name(runtime, value)
            });
        return Err(runtime.type_error(format!("write() argument must be str, not {given}")));
    };
    if stream == TextStream::Stdin {
        let runtime = host.runtime();
        return Err(runtime.new_error(runtime.types.os_error, "not writable"));
    }
    let count = text.chars().count() as i64;
    crate::stream::write_or_raise(host, stream, text)?;
    Ok(host.runtime().new_int(count))
}

fn flush(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    receiver(host, &arguments)?;
    crate::stream::flush_or_raise(host)?;
    Ok(Value::NONE)
}

fn readline(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    receiver(host, &arguments)?;
    host.runtime().output.flush_or_defer();
    // Other threads run while this one waits for a line.
    let line = crate::allow_threads(host, || {
        let mut line = String::new();
        let _ = std::io::stdin().lock().read_line(&mut line);
        line
    });
    Ok(host.runtime().new_string(line))
}

fn read(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    receiver(host, &arguments)?;
    host.runtime().output.flush_or_defer();
    let text = crate::allow_threads(host, || {
        let mut text = String::new();
        let _ = std::io::Read::read_to_string(&mut std::io::stdin(), &mut text);
        text
    });
    Ok(host.runtime().new_string(text))
}

fn isatty(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let stream = receiver(host, &arguments)?;
    use std::io::IsTerminal;
    Ok(Value::bool(match stream {
        TextStream::Stdin => std::io::stdin().is_terminal(),
        TextStream::Stdout => std::io::stdout().is_terminal(),
        TextStream::Stderr => std::io::stderr().is_terminal(),
    }))
}

fn fileno(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let stream = receiver(host, &arguments)?;
    let number = match stream {
        TextStream::Stdin => 0,
        TextStream::Stdout => 1,
        TextStream::Stderr => 2,
    };
    Ok(host.runtime().new_int(number))
}
