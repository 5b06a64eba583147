//! `time`'s calendar functions: `gmtime`, `localtime`, `mktime`, `strftime`, `asctime`,
//! `ctime` and the time zone constants, through the C library (as CPython does), so local
//! time follows the system's time zone database and `strftime` its locale.
//!
//! `struct_time` is a Python class (`lib/_time_support.py`, imported on first use) built
//! from the 11 fields these functions compute.

use std::ffi::{CStr, CString};

use crate::protocol::type_name;
use crate::value::Value;
use crate::{Arguments, Host, PyResult, Runtime};

/// The calendar functions, for `time.create`.
pub const FUNCTIONS: &[(&str, crate::object::NativeFunctionPointer)] = &[
    ("gmtime", gmtime),
    ("localtime", localtime),
    ("mktime", mktime),
    ("strftime", strftime),
    ("asctime", asctime),
    ("ctime", ctime),
];

/// Sets `timezone`, `altzone`, `daylight` and `tzname` from the offsets in January and July.
pub fn add_constants(runtime: &mut Runtime, module: Value) {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |duration| duration.as_secs() as i64);
    let year_start = now - now.rem_euclid(365 * 86400);
    let january = broken_down(year_start, true);
    let july = broken_down(year_start + 182 * 86400, true);
    let (winter, summer) = match (january, july) {
        (Some(january), Some(july)) if january.gmtoff > july.gmtoff => (july, january),
        (Some(january), Some(july)) => (january, july),
        _ => return,
    };
    let timezone = -winter.gmtoff;
    let altzone = -summer.gmtoff;
    crate::modules::set(runtime, module, "timezone", runtime_int(timezone));
    crate::modules::set(runtime, module, "altzone", runtime_int(altzone));
    crate::modules::set(
        runtime,
        module,
        "daylight",
        runtime_int(i64::from(timezone != altzone)),
    );
    let mark = runtime.root_mark();
    let winter_name = runtime.new_string(winter.zone);
    runtime.push_root(winter_name);
    let summer_name = runtime.new_string(summer.zone);
    runtime.push_root(summer_name);
    let names = runtime.new_tuple_from(&[winter_name, summer_name]);
    runtime.pop_roots(mark);
    crate::modules::set(runtime, module, "tzname", names);
}

fn runtime_int(value: i64) -> Value {
    Value::small_int(value).unwrap_or(Value::NONE)
}

/// A broken-down time: `struct tm` plus the zone name and offset.
struct Fields {
    year: i64,
    month: i64,
    day: i64,
    hour: i64,
    minute: i64,
    second: i64,
    weekday: i64,
    yearday: i64,
    isdst: i64,
    zone: String,
    gmtoff: i64,
}

fn broken_down(seconds: i64, local: bool) -> Option<Fields> {
    let time = seconds as libc::time_t;
    // SAFETY: `tm` is plain old data, fully written by gmtime_r/localtime_r before it is read;
    // both take pointers to valid stack locations and keep no reference to them.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    let result = unsafe {
        if local {
            libc::localtime_r(&time, &mut tm)
        } else {
            libc::gmtime_r(&time, &mut tm)
        }
    };
    if result.is_null() {
        return None;
    }
    let zone = if tm.tm_zone.is_null() {
        String::new()
    } else {
        // SAFETY: tm_zone points to a NUL-terminated static string of the C library.
        unsafe { CStr::from_ptr(tm.tm_zone) }
            .to_string_lossy()
            .into_owned()
    };
    Some(Fields {
        year: i64::from(tm.tm_year) + 1900,
        month: i64::from(tm.tm_mon) + 1,
        day: i64::from(tm.tm_mday),
        hour: i64::from(tm.tm_hour),
        minute: i64::from(tm.tm_min),
        second: i64::from(tm.tm_sec),
        weekday: (i64::from(tm.tm_wday) + 6) % 7,
        yearday: i64::from(tm.tm_yday) + 1,
        isdst: i64::from(tm.tm_isdst),
        zone,
        gmtoff: tm.tm_gmtoff,
    })
}

/// The seconds argument of gmtime/localtime/ctime: None means now.
fn seconds_argument(host: &mut dyn Host, arguments: &Arguments) -> PyResult<i64> {
    let value = arguments.values.first().copied().unwrap_or(Value::NONE);
    if value.is_none() {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |duration| duration.as_secs() as i64);
        return Ok(now);
    }
    let out_of_range = |host: &mut dyn Host| {
        host.runtime()
            .overflow_error("timestamp out of range for platform time_t")
    };
    if let Some(float) = value.as_float() {
        if float.is_nan() {
            return Err(host
                .runtime()
                .value_error("Invalid value NaN (not a number)"));
        }
        if !(-9.2e18..9.2e18).contains(&float) || float.abs() > 6.7e16 {
            return Err(out_of_range(host));
        }
        return Ok(float.trunc() as i64);
    }
    if let Some(int) = crate::types::int::as_int(value) {
        return match int.to_i64() {
            Some(seconds) if seconds.abs() <= 67_767_976_233_316_800 => Ok(seconds),
            _ => Err(out_of_range(host)),
        };
    }
    let runtime = host.runtime();
    let message = format!(
        "'{}' object cannot be interpreted as an integer",
        type_name(runtime, value)
    );
    Err(runtime.type_error(message))
}

/// A `time.struct_time` from fields.
fn struct_time(host: &mut dyn Host, fields: Fields) -> PyResult<Value> {
    let module = host.import_module("_time_support")?;
    let runtime = host.runtime();
    let name = runtime.intern("struct_time");
    let class = crate::protocol::attribute::get_attribute(host, module, name)?;
    let runtime = host.runtime();
    let mark = runtime.root_mark();
    let zone = runtime.new_string(fields.zone);
    runtime.push_root(zone);
    let items: Vec<Value> = [
        fields.year,
        fields.month,
        fields.day,
        fields.hour,
        fields.minute,
        fields.second,
        fields.weekday,
        fields.yearday,
        fields.isdst,
    ]
    .iter()
    .map(|&value| runtime_int(value))
    .chain([zone, runtime_int(fields.gmtoff)])
    .collect();
    let tuple = runtime.new_tuple(items);
    runtime.push_root(tuple);
    let result = crate::protocol::call::call(host, class, &[tuple], &[]);
    host.runtime().pop_roots(mark);
    result
}

fn gmtime(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let seconds = seconds_argument(host, &arguments)?;
    match broken_down(seconds, false) {
        Some(fields) => struct_time(host, fields),
        None => Err(host
            .runtime()
            .overflow_error("timestamp out of range for platform time_t")),
    }
}

fn localtime(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let seconds = seconds_argument(host, &arguments)?;
    match broken_down(seconds, true) {
        Some(fields) => struct_time(host, fields),
        None => Err(host
            .runtime()
            .overflow_error("timestamp out of range for platform time_t")),
    }
}

/// The nine fields of a time tuple (or struct_time), checked as CPython checks them for
/// strftime/asctime/mktime; `zone` and `gmtoff` when a struct_time carries them.
fn tuple_argument(
    host: &mut dyn Host,
    value: Value,
    function: &str,
) -> PyResult<(libc::tm, Option<String>)> {
    let items = crate::types::tuple::items(value).map(<[Value]>::to_vec);
    let Some(items) = items else {
        return Err(host
            .runtime()
            .type_error("Tuple or struct_time argument required"));
    };
    if items.len() != 9 {
        let message = format!("{function}(): illegal time tuple argument");
        return Err(host.runtime().type_error(message));
    }
    let mut numbers = [0i64; 9];
    for (slot, &item) in numbers.iter_mut().zip(&items) {
        match crate::types::int::as_int(item).and_then(|int| int.to_i64()) {
            Some(number) if i32::try_from(number).is_ok() => *slot = number,
            Some(_) => {
                return Err(host
                    .runtime()
                    .overflow_error("Python int too large to convert to C int"))
            }
            None => {
                let runtime = host.runtime();
                let message = format!(
                    "'{}' object cannot be interpreted as an integer",
                    type_name(runtime, item)
                );
                return Err(runtime.type_error(message));
            }
        }
    }
    // SAFETY: `tm` is plain old data; every field read later is set here or zero.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    tm.tm_year = (numbers[0] - 1900) as i32;
    tm.tm_mon = (numbers[1] - 1) as i32;
    tm.tm_mday = numbers[2] as i32;
    tm.tm_hour = numbers[3] as i32;
    tm.tm_min = numbers[4] as i32;
    tm.tm_sec = numbers[5] as i32;
    tm.tm_wday = ((numbers[6] + 1) % 7) as i32;
    tm.tm_yday = (numbers[7] - 1) as i32;
    tm.tm_isdst = numbers[8] as i32;
    let zone_name = host.runtime().intern("tm_zone");
    let zone = crate::protocol::attribute::get_attribute(host, value, zone_name)
        .ok()
        .and_then(|zone| crate::protocol::str_value(zone).map(str::to_string));
    Ok((tm, zone))
}

/// CPython's range checks before formatting (month 0 and day 0 are accepted as 1).
fn check_ranges(host: &mut dyn Host, tm: &mut libc::tm) -> PyResult<()> {
    let checks: [(i32, i32, i32, &str); 6] = [
        (tm.tm_mon, -1, 11, "month out of range"),
        (tm.tm_mday, 0, 31, "day of month out of range"),
        (tm.tm_hour, 0, 23, "hour out of range"),
        (tm.tm_min, 0, 59, "minute out of range"),
        (tm.tm_sec, 0, 61, "seconds out of range"),
        (tm.tm_yday, -1, 365, "day of year out of range"),
    ];
    for (value, low, high, message) in checks {
        if value < low || value > high {
            return Err(host.runtime().value_error(message));
        }
    }
    if tm.tm_wday < 0 {
        return Err(host.runtime().value_error("day of week out of range"));
    }
    tm.tm_mon = tm.tm_mon.max(0);
    tm.tm_mday = tm.tm_mday.max(1);
    tm.tm_yday = tm.tm_yday.max(0);
    tm.tm_isdst = tm.tm_isdst.clamp(-1, 1);
    Ok(())
}

fn current_local_tm() -> libc::tm {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |duration| duration.as_secs() as libc::time_t);
    // SAFETY: as in `broken_down`.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    unsafe { libc::localtime_r(&now, &mut tm) };
    tm
}

fn strftime(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let format_value = arguments.values.first().copied().unwrap_or(Value::NONE);
    let Some(format) = crate::protocol::str_value(format_value) else {
        let runtime = host.runtime();
        let message = format!(
            "strftime() argument 1 must be str, not {}",
            type_name(runtime, format_value)
        );
        return Err(runtime.type_error(message));
    };
    let format = format.to_string();
    let (mut tm, zone) = match arguments.values.get(1) {
        Some(&value) => {
            let (mut tm, zone) = tuple_argument(host, value, "strftime")?;
            check_ranges(host, &mut tm)?;
            (tm, zone)
        }
        None => (current_local_tm(), None),
    };
    // The zone name must outlive the call: keep the CString in this frame.
    let zone_name = zone.and_then(|zone| CString::new(zone).ok());
    if let Some(name) = &zone_name {
        tm.tm_zone = name.as_ptr();
    }
    if format.contains('\0') {
        return Err(host.runtime().value_error("embedded null character"));
    }
    let Ok(c_format) = CString::new(format.as_bytes()) else {
        return Err(host.runtime().value_error("embedded null character"));
    };
    if format.is_empty() {
        return Ok(host.runtime().new_str(""));
    }
    let mut capacity = 256.max(format.len() * 4);
    loop {
        let mut buffer = vec![0u8; capacity];
        // SAFETY: `buffer` has `capacity` writable bytes; `c_format` is NUL-terminated; `tm`
        // is a valid struct whose tm_zone (when set) points into `zone_name`, alive here.
        let written =
            unsafe { libc::strftime(buffer.as_mut_ptr().cast(), capacity, c_format.as_ptr(), &tm) };
        if written > 0 || capacity > format.len() * 256 + 4096 {
            buffer.truncate(written);
            let text = String::from_utf8_lossy(&buffer).into_owned();
            return Ok(host.runtime().new_string(text));
        }
        capacity *= 4;
    }
}

const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn format_asctime(tm: &libc::tm) -> String {
    format!(
        "{} {} {:2} {:02}:{:02}:{:02} {}",
        DAYS[tm.tm_wday.rem_euclid(7) as usize],
        MONTHS[tm.tm_mon.rem_euclid(12) as usize],
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        i64::from(tm.tm_year) + 1900
    )
}

fn asctime(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let tm = match arguments.values.first() {
        Some(&value) => {
            let (mut tm, _) = tuple_argument(host, value, "asctime")?;
            check_ranges(host, &mut tm)?;
            tm
        }
        None => current_local_tm(),
    };
    Ok(host.runtime().new_string(format_asctime(&tm)))
}

fn ctime(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let seconds = seconds_argument(host, &arguments)?;
    let time = seconds as libc::time_t;
    // SAFETY: as in `broken_down`.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    if unsafe { libc::localtime_r(&time, &mut tm) }.is_null() {
        return Err(host
            .runtime()
            .overflow_error("timestamp out of range for platform time_t"));
    }
    Ok(host.runtime().new_string(format_asctime(&tm)))
}

fn mktime(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let value = arguments.values.first().copied().unwrap_or(Value::NONE);
    let (mut tm, _) = tuple_argument(host, value, "mktime")?;
    tm.tm_wday = -1;
    // SAFETY: `tm` is a valid struct tm; mktime normalizes it in place.
    let result = unsafe { libc::mktime(&mut tm) };
    if result == -1 && tm.tm_wday == -1 {
        return Err(host
            .runtime()
            .overflow_error("mktime argument out of range"));
    }
    Ok(Value::float(result as f64))
}
