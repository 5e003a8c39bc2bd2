//! Writes the SDK's public surface as JSON, read from a built library's UniFFI metadata the way
//! uniffi-bindgen reads it: the objects with their constructors and methods, the callbacks an
//! app implements, the records with their fields, the enums with their variants, the free
//! functions, and the core's error kinds. Names are the Rust ones; every language's parity test
//! maps them to its own convention. Usage: `surface LIBRARY OUTPUT` (see generate.sh).

use camino::Utf8PathBuf;
use serde_json::{Value, json};
use uniffi_bindgen::EmptyCrateConfigSupplier;
use uniffi_bindgen::interface::{Argument, ComponentInterface, Method};
use uniffi_bindgen::library_mode::find_cis;

fn callable(name: &str, arguments: Vec<&Argument>) -> Value {
    json!({"name": name, "arguments": arguments.into_iter().map(Argument::name).collect::<Vec<_>>()})
}

/// Sorted by name, so the file changes only where the surface does.
fn sorted(items: impl IntoIterator<Item = Value>) -> Vec<Value> {
    let mut items: Vec<Value> = items.into_iter().collect();
    items.sort_by(|a, b| a["name"].as_str().cmp(&b["name"].as_str()));
    items
}

fn methods(methods: Vec<&Method>) -> Vec<Value> {
    sorted(methods.into_iter().map(|method| {
        let mut entry = callable(method.name(), method.arguments());
        entry["async"] = method.is_async().into();
        entry
    }))
}

fn surface(cis: &[ComponentInterface]) -> Value {
    let (mut objects, mut callbacks, mut records, mut enums, mut functions) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for ci in cis {
        for object in ci.object_definitions() {
            let (name, methods) = (object.name(), methods(object.methods()));
            if object.has_callback_interface() {
                callbacks.push(json!({"name": name, "methods": methods}));
            } else {
                let made =
                    object.constructors().into_iter().map(|c| callable(c.name(), c.arguments()));
                objects
                    .push(json!({"name": name, "constructors": sorted(made), "methods": methods}));
            }
        }
        for callback in ci.callback_interface_definitions() {
            callbacks
                .push(json!({"name": callback.name(), "methods": methods(callback.methods())}));
        }
        for record in ci.record_definitions() {
            let fields: Vec<&str> = record.fields().iter().map(|field| field.name()).collect();
            records.push(json!({"name": record.name(), "fields": fields}));
        }
        // The error enum's cases are the core's error kinds, listed on their own.
        for e in ci.enum_definitions().iter().filter(|e| !ci.is_name_used_as_error(e.name())) {
            let variants: Vec<&str> = e.variants().iter().map(|variant| variant.name()).collect();
            enums.push(json!({"name": e.name(), "variants": variants}));
        }
        functions
            .extend(ci.function_definitions().iter().map(|f| callable(f.name(), f.arguments())));
    }
    json!({
        "errorKinds": insurup::error_kinds(),
        "objects": sorted(objects),
        "callbacks": sorted(callbacks),
        "records": sorted(records),
        "enums": sorted(enums),
        "functions": sorted(functions),
    })
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [library, output] = args.as_slice() else {
        return Err("usage: surface LIBRARY OUTPUT".into());
    };
    let cis = find_cis(&Utf8PathBuf::from(library), &EmptyCrateConfigSupplier)?;
    std::fs::write(output, serde_json::to_string_pretty(&surface(&cis))? + "\n")?;
    Ok(())
}
