//! Addresses of the national address register (UAVT): the cascade a DASK or konut form walks
//! (city → district → town → neighbourhood → street → building → flat) and the address a flat's
//! UAVT number names.

use serde::{Deserialize, Deserializer};

use super::Reference;

/// The address of a UAVT number, level by level. Each level is the `{value, text}` the address
/// cascade lists; the flat's `value` is the UAVT number itself.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct PropertyAddress {
    /// City (il).
    pub city: Option<Reference>,
    /// District (ilçe).
    pub district: Option<Reference>,
    /// Town (bucak/köy).
    pub town: Option<Reference>,
    /// Neighbourhood (mahalle).
    #[serde(alias = "neighbourhood")]
    pub neighborhood: Option<Reference>,
    /// Street (cadde/sokak).
    pub street: Option<Reference>,
    /// Building.
    pub building: Option<Reference>,
    /// Flat; its `value` is the UAVT number.
    pub apartment: Option<Reference>,
    /// The address as one line, when the server sends it as text rather than level by level.
    pub text: Option<String>,
}

impl PropertyAddress {
    /// The address as one line, from the largest level down: `İSTANBUL, KADIKÖY, …`.
    pub fn to_line(&self) -> String {
        if let Some(text) = &self.text {
            return text.clone();
        }
        [
            &self.neighborhood,
            &self.street,
            &self.building,
            &self.apartment,
            &self.town,
            &self.district,
            &self.city,
        ]
        .into_iter()
        .flatten()
        .map(|level| level.text.as_str())
        .collect::<Vec<_>>()
        .join(", ")
    }
}

/// Reads an address given level by level (the vendor client's `PropertyAddress`) or as one line
/// of text (older payloads).
pub(crate) fn address_from_either<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<PropertyAddress>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Either {
        Levels(Box<PropertyAddress>),
        Text(String),
        Other(serde::de::IgnoredAny),
    }
    Ok(match Option::<Either>::deserialize(deserializer)? {
        Some(Either::Levels(address)) => Some(*address),
        Some(Either::Text(text)) => Some(PropertyAddress {
            text: Some(text),
            ..PropertyAddress::default()
        }),
        Some(Either::Other(_)) | None => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Holder {
        #[serde(default, deserialize_with = "address_from_either")]
        address: Option<PropertyAddress>,
    }

    #[test]
    fn an_address_is_read_level_by_level_or_as_one_line() {
        let levels: Holder = serde_json::from_value(serde_json::json!({"address": {
            "city": {"value": "34", "text": "İSTANBUL"},
            "district": {"value": "1823", "text": "KADIKÖY"},
            "neighbourhood": {"value": "18231", "text": "MODA"},
            "apartment": {"value": "1234567890", "text": "DAİRE 3"}
        }}))
        .expect("levels");
        let address = levels.address.expect("an address");
        assert_eq!(
            address.neighborhood.as_ref().map(|n| n.text.as_str()),
            Some("MODA")
        );
        assert_eq!(address.to_line(), "MODA, DAİRE 3, KADIKÖY, İSTANBUL");
        let line: Holder =
            serde_json::from_value(serde_json::json!({"address": "Moda Cd. 1, Kadıköy"}))
                .expect("text");
        assert_eq!(
            line.address.map(|a| a.to_line()).as_deref(),
            Some("Moda Cd. 1, Kadıköy")
        );
        let absent: Holder = serde_json::from_value(serde_json::json!({})).expect("absent");
        assert_eq!(absent.address, None);
    }
}
