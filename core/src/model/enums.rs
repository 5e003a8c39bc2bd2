//! The API's enum value sets. Every enum keeps unknown values as `Unknown(String)`.

use super::macros::wire_enum;

wire_enum! {
    /// Insurance branch.
    pub enum ProductBranch {
        /// Comprehensive motor (kasko).
        Kasko = "KASKO",
        /// Compulsory motor third-party liability (trafik).
        Trafik = "TRAFIK",
        /// Compulsory earthquake (DASK).
        Dask = "DASK",
        /// Home (konut).
        Konut = "KONUT",
        /// Complementary health (TSS).
        Tss = "TSS",
        /// Voluntary motor liability (İMM).
        Imm = "IMM",
        /// Green card (international motor).
        YesilKart = "YESIL_KART",
        /// Personal accident.
        FerdiKaza = "FERDI_KAZA",
        /// Group life.
        GrupHayat = "GRUP_HAYAT",
        /// Health.
        Saglik = "SAGLIK",
        /// Travel.
        Seyahat = "SEYAHAT",
        /// Workplace fire.
        IsyeriYangin = "ISYERI_YANGIN",
        /// Electronic device.
        ElektronikCihaz = "ELEKTRONIK_CIHAZ",
        /// Pet.
        Pet = "PET",
        /// Private pension.
        Bes = "BES",
        /// Smartphone.
        AkilliTelefon = "AKILLI_TELEFON",
        /// Professional liability.
        Mesleki = "MESLEKI_SORUMLULUK",
        /// Legal protection.
        HukuksalKoruma = "HUKUKSAL_KORUMA",
    }
}

wire_enum! {
    /// Sales channel a customer, case or proposal came from.
    pub enum Channel {
        /// Not known.
        Unspecified = "UNKNOWN",
        /// Entered by hand.
        Manual = "MANUAL",
        /// Website.
        Website = "WEBSITE",
        /// Google Ads.
        GoogleAds = "GOOGLE_ADS",
        /// Call centre.
        CallCenter = "CALL_CENTER",
        /// Social media.
        SocialMedia = "SOCIAL_MEDIA",
        /// Mobile app.
        MobileApp = "MOBILE_APP",
        /// Offline proposal form.
        OfflineProposalForm = "OFFLINE_PROPOSAL_FORM",
        /// Field sales.
        Field = "FIELD",
        /// Business partner.
        BusinessPartner = "BUSINESS_PARTNER",
        /// Chatbot.
        Chatbot = "CHATBOT",
        /// Direct API integration (B2B/CRM).
        Api = "API",
        /// Partner.
        Partner = "PARTNER",
    }
}

wire_enum! {
    /// State of a proposal as a whole.
    pub enum ProposalState {
        /// Insurers are still answering.
        Waiting = "WAITING",
        /// At least one product can be bought.
        Active = "ACTIVE",
        /// A product is being bought.
        Purchasing = "PURCHASING",
        /// A product was bought.
        Purchased = "PURCHASED",
        /// No insurer returned a premium.
        Failed = "FAILED",
    }
}

wire_enum! {
    /// State of one insurer's product in a proposal.
    pub enum ProductState {
        /// The insurer has not answered yet.
        Waiting = "WAITING",
        /// Premiums are in; the product can be bought.
        Active = "ACTIVE",
        /// The insurer refused or failed; see `error_message`.
        Failed = "FAILED",
        /// A purchase is in progress.
        Purchasing = "PURCHASING",
        /// Bought; `policy_id` is set.
        Purchased = "PURCHASED",
        /// The purchase failed.
        PurchaseFailed = "PURCHASE_FAILED",
    }
}

impl ProductState {
    /// True when the insurer has answered (the product will not change unless bought or retried).
    pub fn is_resolved(&self) -> bool {
        !matches!(self, ProductState::Waiting)
    }
}

wire_enum! {
    /// State of a policy.
    pub enum PolicyState {
        /// In force.
        Active = "ACTIVE",
        /// Ended.
        EndOfLife = "END_OF_LIFE",
        /// Cancelled.
        Cancelled = "CANCELLED",
    }
}

wire_enum! {
    /// How a product can be paid.
    pub enum PaymentOption {
        /// Not known.
        Unspecified = "UNKNOWN",
        /// Card charged directly (B2B).
        SyncCreditCard = "SYNC_CREDIT_CARD",
        /// Open account, for corporate customers (B2B).
        SyncOpenAccount = "SYNC_OPEN_ACCOUNT",
        /// 3-D Secure redirect.
        Async3dSecure = "ASYNC_3D_SECURE",
        /// Insurer's payment page.
        AsyncInsuranceCompanyRedirect = "ASYNC_INSURANCE_COMPANY_REDIRECT",
        /// Third-party 3-D Secure.
        AsyncThirdParty3dSecure = "ASYNC_THIRD_PARTY_3D_SECURE",
    }
}

wire_enum! {
    /// Currency of a premium.
    pub enum Currency {
        /// Not known.
        Unspecified = "UNKNOWN",
        /// Turkish lira.
        TurkishLira = "TURKISH_LIRA",
        /// US dollar.
        UnitedStatesDollar = "UNITED_STATES_DOLLAR",
        /// Euro.
        Euro = "EURO",
    }
}

wire_enum! {
    /// Kind of customer.
    pub enum CustomerType {
        /// A Turkish citizen (TCKN).
        Individual = "INDIVIDUAL",
        /// A company (VKN).
        Company = "COMPANY",
        /// A foreign national.
        Foreign = "FOREIGN",
    }
}

wire_enum! {
    /// Gender of an individual customer.
    pub enum Gender {
        /// Not known.
        Unspecified = "UNKNOWN",
        /// Male.
        Male = "MALE",
        /// Female.
        Female = "FEMALE",
        /// Other.
        Other = "OTHER",
    }
}

wire_enum! {
    /// Kind of insured asset.
    pub enum AssetType {
        /// A vehicle.
        Vehicle = "VEHICLE",
        /// A property.
        Property = "PROPERTY",
    }
}

wire_enum! {
    /// Kind of case.
    pub enum CaseType {
        /// A chance to sell a policy.
        SaleOpportunity = "SALE_OPPORTUNITY",
        /// A change to a policy.
        Endorsement = "ENDORSEMENT",
        /// A cancellation.
        Cancel = "CANCEL",
        /// A complaint.
        Complaint = "COMPLAINT",
    }
}

wire_enum! {
    /// Status of a case.
    pub enum CaseStatus {
        /// Open.
        Open = "OPEN",
        /// Postponed.
        Delayed = "DELAYED",
        /// Closed with success (e.g. a policy was sold).
        Success = "SUCCESS",
        /// Closed without success.
        Fail = "FAIL",
    }
}

wire_enum! {
    /// Main state of a case.
    pub enum CaseMainState {
        /// Open.
        Open = "OPEN",
        /// Being worked on.
        InProgress = "IN_PROGRESS",
        /// Closed with success.
        Success = "SUCCESS",
        /// Closed without success.
        Fail = "FAIL",
    }
}

wire_enum! {
    /// How a vehicle is used.
    pub enum VehicleUtilizationStyle {
        /// Not known.
        Unspecified = "UNKNOWN",
        /// Private car.
        PrivateCar = "PRIVATE_CAR",
        /// Taxi.
        Taxi = "TAXI",
        /// Motorcycle.
        Motorcycle = "MOTORCYCLE",
        /// Truck.
        Truck = "TRUCK",
        /// Pickup truck.
        PickupTruck = "PICKUP_TRUCK",
        /// Rental car.
        RentalCar = "RENTAL_CAR",
        /// Jeep.
        Jeep = "JEEP",
        /// Shared taxi (dolmuş).
        MinibusSharedTaxi = "MINIBUS_SHARED_TAXI",
        /// Tractor.
        Tractor = "TRACTOR",
    }
}

wire_enum! {
    /// Fuel of a vehicle.
    pub enum VehicleFuel {
        /// Petrol.
        Gasoline = "GASOLINE",
        /// Diesel.
        Diesel = "DIESEL",
        /// LPG.
        Lpg = "LPG",
        /// Electric.
        Electric = "ELECTRIC",
        /// LPG and petrol.
        LpgGasoline = "LPG_GASOLINE",
        /// Hybrid.
        Hybrid = "HYBRID",
    }
}

wire_enum! {
    /// How a property is used.
    pub enum PropertyUtilizationStyle {
        /// Not known.
        Unspecified = "UNKNOWN",
        /// Home.
        House = "HOUSE",
        /// Business.
        Business = "BUSINESS",
        /// Other.
        Other = "OTHER",
    }
}

wire_enum! {
    /// Who holds a property.
    pub enum PropertyOwnershipType {
        /// Not known.
        Unspecified = "UNKNOWN",
        /// Owner.
        Proprietor = "PROPRIETOR",
        /// Tenant.
        Tenant = "TENANT",
    }
}

wire_enum! {
    /// Whether a product is sold through the insurer's web service or a robot.
    pub enum InsuranceProductType {
        /// Web service: can be bought through the API.
        WebService = "WEB_SERVICE",
        /// Robot: cannot be bought through the API.
        Robot = "ROBOT",
    }
}

wire_enum! {
    /// Result status of a purchase.
    pub enum PurchaseStatus {
        /// The policy was issued.
        Purchased = "PURCHASED",
        /// Still being processed by the insurer.
        Purchasing = "PURCHASING",
        /// The purchase failed.
        Failed = "PURCHASE_FAILED",
    }
}

wire_enum! {
    /// Events a webhook can subscribe to (management names; deliveries use the dotted ids of
    /// [`crate::webhook::EventType`]).
    pub enum WebhookEvent {
        /// An insurer's premium arrived.
        ProposalPremiumReceived = "PROPOSAL_PREMIUM_RECEIVED",
        /// A purchase started (internal; never delivered externally).
        ProposalPremiumPurchasing = "PROPOSAL_PREMIUM_PURCHASING",
        /// A product was bought.
        ProposalPremiumPurchased = "PROPOSAL_PREMIUM_PURCHASED",
        /// A purchase failed.
        ProposalPremiumPurchaseFailed = "PROPOSAL_PREMIUM_PURCHASE_FAILED",
        /// A policy was created.
        PolicyCreated = "POLICY_CREATED",
        /// A policy changed (endorsement, cancellation).
        PolicyUpdated = "POLICY_UPDATED",
        /// A customer was created.
        CustomerCreated = "CUSTOMER_CREATED",
        /// A customer changed.
        CustomerUpdated = "CUSTOMER_UPDATED",
        /// KVKK consent given.
        CustomerKvkkConsentGiven = "CUSTOMER_KVKK_CONSENT_GIVEN",
        /// KVKK consent revoked.
        CustomerKvkkConsentRevoked = "CUSTOMER_KVKK_CONSENT_REVOKED",
        /// ETK consent given.
        CustomerEtkConsentGiven = "CUSTOMER_ETK_CONSENT_GIVEN",
        /// ETK consent revoked.
        CustomerEtkConsentRevoked = "CUSTOMER_ETK_CONSENT_REVOKED",
        /// A vehicle was created.
        VehicleCreated = "VEHICLE_CREATED",
        /// A vehicle changed.
        VehicleUpdated = "VEHICLE_UPDATED",
        /// A property was created.
        PropertyCreated = "PROPERTY_CREATED",
        /// A property changed.
        PropertyUpdated = "PROPERTY_UPDATED",
        /// A case was created.
        CaseCreated = "CASE_CREATED",
        /// A case changed state.
        CaseStateChanged = "CASE_STATE_CHANGED",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_enum_values_survive_a_round_trip() {
        let branch: ProductBranch = serde_json::from_str("\"KASKO\"").expect("known");
        assert_eq!(branch, ProductBranch::Kasko);
        let future: ProductBranch = serde_json::from_str("\"UZAY_SIGORTASI\"").expect("unknown");
        assert_eq!(future, ProductBranch::Unknown("UZAY_SIGORTASI".into()));
        assert_eq!(
            serde_json::to_string(&future).expect("serializes"),
            "\"UZAY_SIGORTASI\""
        );
    }

    #[test]
    fn wire_values_are_matched_without_regard_to_case() {
        assert_eq!(
            CustomerType::from_wire("individual"),
            CustomerType::Individual
        );
        assert_eq!(ProductBranch::from_wire("trafik"), ProductBranch::Trafik);
    }
}
