use insurup::{PropertyAddress, Reference};

use super::resource;

resource! {
    /// The address register (UAVT): city → district → town → neighbourhood → street → building
    /// → apartment, each level listed by the reference of the one above, as a DASK or konut
    /// form needs.
    Addresses, AsyncAddresses {
        /// Every city.
        fn cities() -> Vec<Reference> = |client| client.addresses().cities();

        /// The districts of a city.
        fn districts(city_reference: String) -> Vec<Reference> =
            |client| client.addresses().districts(&city_reference);

        /// The towns (belde/köy) of a district.
        fn towns(district_reference: String) -> Vec<Reference> =
            |client| client.addresses().towns(&district_reference);

        /// The neighbourhoods of a town.
        fn neighbourhoods(town_reference: String) -> Vec<Reference> =
            |client| client.addresses().neighbourhoods(&town_reference);

        /// The streets of a neighbourhood.
        fn streets(neighbourhood_reference: String) -> Vec<Reference> =
            |client| client.addresses().streets(&neighbourhood_reference);

        /// The buildings of a street.
        fn buildings(street_reference: String) -> Vec<Reference> =
            |client| client.addresses().buildings(&street_reference);

        /// The apartments (flats) of a building; their values are UAVT numbers.
        fn apartments(building_reference: String) -> Vec<Reference> =
            |client| client.addresses().apartments(&building_reference);

        /// The address a UAVT number names.
        fn of_property_number(property_number: i64) -> PropertyAddress =
            |client| client.addresses().of_property_number(property_number);
    }
}
