//! The API's enum value sets. Every enum keeps unknown values as `Unknown(String)`.

use std::collections::HashMap;

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
        /// Card and identity protection.
        KartKimlikKoruma = "KART_KIMLIK_KORUMA",
        /// Third-party financial liability.
        UcuncuSahisMaliSorumluluk = "UCUNCU_SAHIS_MALI_SORUMLULUK",
        /// Construction all risks.
        InsaatAllRisk = "INSAAT_ALL_RISK",
        /// Leasing all risks.
        LeasingAllRisk = "LEASING_ALL_RISK",
        /// Erection (montaj) all risks.
        MontajAllRisk = "MONTAJ_ALL_RISK",
        /// Cargo (nakliyat).
        Nakliyat = "NAKLIYAT",
        /// Private security liability.
        OzelGuvenlikMaliSorumluluk = "OZEL_GUVENLIK_MALI_SORUMLULUK",
        /// Hazardous substances liability.
        TehlikeliMaddelerMaliSorumluluk = "TEHLIKELI_MADDELER_MALI_SORUMLULUK",
        /// Yacht and pleasure boat.
        YatGemiGezintiTeknesi = "YAT_GEMI_GEZINTI_TEKNESI",
        /// Agriculture (TARSİM).
        Tarim = "TARIM",
        /// Credit (receivables).
        Alacak = "ALACAK",
        /// Employer's liability.
        IsverenMaliMesuliyet = "ISVEREN_MALI_MESULIYET",
        /// Engineering.
        Muhendislik = "MUHENDISLIK",
        /// Basic fire cover for a home.
        IlkAtesKonut = "ILK_ATES_KONUT",
        /// Surety bond (kefalet).
        Kefalet = "KEFALET",
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
        /// Print media.
        PrintMedia = "PRINT_MEDIA",
        /// Fair or event.
        FairEvent = "FAIR_EVENT",
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

wire_enum! {
    /// Marital status of an individual customer.
    pub enum MaritalStatus {
        /// Not known.
        Unspecified = "UNKNOWN",
        /// Single.
        Single = "SINGLE",
        /// Married.
        Married = "MARRIED",
    }
}

wire_enum! {
    /// Nationality of an individual customer.
    pub enum Nationality {
        /// Not known.
        Unspecified = "UNKNOWN",
        /// Turkish.
        Turk = "TURK",
        /// Other.
        Other = "OTHER",
    }
}

wire_enum! {
    /// Highest education of an individual customer.
    pub enum EducationStatus {
        /// Not known.
        Unspecified = "UNKNOWN",
        /// Primary school.
        PrimarySchool = "PRIMARY_SCHOOL",
        /// Middle school.
        MiddleSchool = "MIDDLE_SCHOOL",
        /// High school.
        HighSchool = "HIGH_SCHOOL",
        /// University.
        University = "UNIVERSITY",
        /// Master's degree.
        Postgraduate = "POSTGRADUATE",
        /// Doctorate.
        Doctorate = "DOCTORATE",
        /// Other.
        Other = "OTHER",
    }
}

wire_enum! {
    /// Occupation of an individual customer.
    pub enum Job {
        /// Not known.
        Unspecified = "UNKNOWN",
        /// Banker.
        Banker = "BANKER",
        /// Corporate employee.
        CorporateEmployee = "CORPORATE_EMPLOYEE",
        /// Employee of a limited company.
        LtdEmployee = "LTD_EMPLOYEE",
        /// Police officer.
        Police = "POLICE",
        /// Military personnel.
        MilitaryPersonnel = "MILITARY_PERSONNEL",
        /// Spouse of a retiree.
        RetiredSpouse = "RETIRED_SPOUSE",
        /// Teacher.
        Teacher = "TEACHER",
        /// Doctor.
        Doctor = "DOCTOR",
        /// Pharmacist.
        Pharmacist = "PHARMACIST",
        /// Nurse.
        Nurse = "NURSE",
        /// Healthcare worker.
        HealthcareWorker = "HEALTHCARE_WORKER",
        /// Lawyer.
        Lawyer = "LAWYER",
        /// Judge.
        Judge = "JUDGE",
        /// Prosecutor.
        Prosecutor = "PROSECUTOR",
        /// Freelancer.
        Freelancer = "FREELANCER",
        /// Farmer.
        Farmer = "FARMER",
        /// Instructor.
        Instructor = "INSTRUCTOR",
        /// Religious official.
        ReligiousOfficial = "RELIGIOUS_OFFICIAL",
        /// Manager of an association.
        AssociationManager = "ASSOCIATION_MANAGER",
        /// Civil servant.
        Officer = "OFFICER",
        /// Retired.
        Retired = "RETIRED",
        /// Homemaker.
        Housewife = "HOUSEWIFE",
    }
}

wire_enum! {
    /// A consent a customer gives or revokes.
    pub enum ConsentType {
        /// Processing of personal data (KVKK).
        Kvkk = "KVKK",
        /// Commercial electronic messages (ETK).
        Etk = "ETK",
    }
}

wire_enum! {
    /// Where a consent was given or revoked.
    pub enum ConsentChannel {
        /// Recorded by an agent.
        Manual = "MANUAL",
        /// The customer's web application.
        Web = "WEB",
        /// A chatbot conversation.
        Chatbot = "CHATBOT",
        /// An SMS consent link.
        Sms = "SMS",
        /// An e-mail consent link.
        Email = "EMAIL",
        /// Another system (e.g. İYS).
        External = "EXTERNAL",
    }
}

wire_enum! {
    /// What happened to a consent.
    pub enum ConsentAction {
        /// Given.
        Given = "GIVEN",
        /// Revoked.
        Revoked = "REVOKED",
    }
}

wire_enum! {
    /// Kind of a customer's address.
    pub enum AddressType {
        /// Not known.
        Unspecified = "UNKNOWN",
        /// Home.
        Home = "HOME",
        /// Work.
        Work = "WORK",
        /// Temporary.
        Temporary = "TEMPORARY",
        /// Other.
        Other = "OTHER",
    }
}

wire_enum! {
    /// State of a call with a customer.
    pub enum ContactState {
        /// Planned, not made yet.
        Planned = "PLANNED",
        /// Made.
        Occurred = "OCCURRED",
        /// Planned but not made.
        NotOccurred = "NOT_OCCURRED",
    }
}

wire_enum! {
    /// Kind of user who did something.
    pub enum UserType {
        /// InsurUp's admin panel.
        AdminPanel = "ADMIN_PANEL",
        /// An agent user.
        Agent = "AGENT",
        /// A customer.
        Customer = "CUSTOMER",
    }
}

wire_enum! {
    /// Sub-state of a case, finer than its [`CaseMainState`].
    pub enum CaseSubState {
        /// Failed: no answer from the customer.
        FailNoResponse = "FAIL_NO_RESPONSE",
        /// Failed: not a real case.
        FailInvalidCase = "FAIL_INVALID_CASE",
        /// Failed: the customer withdrew.
        FailCustomerWithdrawn = "FAIL_CUSTOMER_WITHDRAWN",
        /// Failed: payment error.
        FailPaymentError = "FAIL_PAYMENT_ERROR",
        /// Failed: card declined.
        FailDeclinedCardInformation = "FAIL_DECLINED_CARD_INFORMATION",
        /// Failed: foreign user.
        FailForeignUser = "FAIL_FOREIGN_USER",
        /// Failed: bought elsewhere.
        FailTakenElsewhere = "FAIL_TAKEN_ELSEWHERE",
        /// Failed: price too high.
        FailPriceTooHigh = "FAIL_PRICE_TOO_HIGH",
        /// Failed: asset acquisition.
        FailAssetAcquisition = "FAIL_ASSET_ACQUISITION",
        /// Failed: asset sold.
        FailAssetSold = "FAIL_ASSET_SOLD",
        /// Failed: unresolved.
        FailUnresolved = "FAIL_UNRESOLVED",
        /// Failed: referred to legal.
        FailReferredToLegal = "FAIL_REFERRED_TO_LEGAL",
        /// Failed: the customer is unsatisfied.
        FailCustomerUnsatisfied = "FAIL_CUSTOMER_UNSATISFIED",
        /// Failed: documents missing.
        FailMissingDocuments = "FAIL_MISSING_DOCUMENTS",
        /// Failed: the insurer declined.
        FailInsurerDenied = "FAIL_INSURER_DENIED",
        /// Failed: conditions not met.
        FailConditionsNotMet = "FAIL_CONDITIONS_NOT_MET",
        /// Open: just opened.
        OpenInitial = "OPEN_INITIAL",
        /// Open: collecting information.
        OpenCollectingInformation = "OPEN_COLLECTING_INFORMATION",
        /// Open: postponed.
        OpenDelayed = "OPEN_DELAYED",
        /// Open: waiting.
        OpenWaiting = "OPEN_WAITING",
        /// In progress: under analysis.
        InProgressUnderAnalysis = "IN_PROGRESS_UNDER_ANALYSIS",
        /// In progress: a proposal is prepared.
        InProgressProposalPrepared = "IN_PROGRESS_PROPOSAL_PREPARED",
        /// In progress: awaiting approval.
        InProgressAwaitingApproval = "IN_PROGRESS_AWAITING_APPROVAL",
        /// In progress: to be called back.
        InProgressToBeRecontacted = "IN_PROGRESS_TO_BE_RECONTACTED",
        /// Succeeded.
        SuccessCompleted = "SUCCESS_COMPLETED",
    }
}

impl CaseSubState {
    /// The main state this sub-state belongs to (from its prefix); `None` for unknown values.
    pub fn main_state(&self) -> Option<CaseMainState> {
        let wire = self.as_str();
        [
            ("IN_PROGRESS_", CaseMainState::InProgress),
            ("OPEN_", CaseMainState::Open),
            ("SUCCESS_", CaseMainState::Success),
            ("FAIL_", CaseMainState::Fail),
        ]
        .into_iter()
        .find(|(prefix, _)| wire.starts_with(prefix))
        .map(|(_, state)| state)
        .filter(|_| !self.is_unknown())
    }
}

wire_enum! {
    /// Sub-type of a case: what kind of sale, cancellation, endorsement or complaint it is.
    pub enum CaseSubType {
        /// Sale: a new customer's first policy.
        NewSale = "NEW_SALE",
        /// Sale: another product for an existing customer.
        CrossSale = "CROSS_SALE",
        /// Sale: renewal.
        Renewal = "RENEWAL",
        /// Cancellation: online, with refund.
        OnlineCancellationRefund = "ONLINE_CANCELLATION_REFUND",
        /// Cancellation required by the Ministry of Education.
        MebCancellation = "MEB_CANCELLATION",
        /// Partial cancellation.
        PartialCancellation = "PARTIAL_CANCELLATION",
        /// Cancellation from the sale process.
        CancellationFromSale = "CANCELLATION_FROM_SALE",
        /// Cancellation for non-payment.
        CancellationDueToCollection = "CANCELLATION_DUE_TO_COLLECTION",
        /// Cancellation after a total loss.
        CancellationDueToDamage = "CANCELLATION_DUE_TO_DAMAGE",
        /// Endorsement: another vehicle.
        VehicleChange = "VEHICLE_CHANGE",
        /// Endorsement: higher insured value.
        ValueIncrease = "VALUE_INCREASE",
        /// Endorsement: no-claims bonus transferred in.
        NoClaimBonusTransfer = "NO_CLAIM_BONUS_TRANSFER",
        /// Endorsement: coverage changed.
        CoverageChange = "COVERAGE_CHANGE",
        /// Endorsement: vehicle usage changed.
        UsageTypeChange = "USAGE_TYPE_CHANGE",
        /// Complaint: the consultant's error.
        ConsultantError = "CONSULTANT_ERROR",
        /// Complaint: policy operations.
        PolicyOperations = "POLICY_OPERATIONS",
        /// Complaint: premium collection.
        Collection = "COLLECTION",
        /// Complaint: too many calls.
        DueToFrequentCalls = "DUE_TO_FREQUENT_CALLS",
        /// Complaint: fraud.
        Fraud = "FRAUD",
        /// Complaint: claims handling.
        Damage = "DAMAGE",
        /// Complaint: an erroneous transaction.
        ErroneousTransaction = "ERRONEOUS_TRANSACTION",
        /// Complaint: slow operations.
        DelayInOperations = "DELAY_IN_OPERATIONS",
        /// Complaint: online transaction errors.
        OnlineTransactionErrors = "ONLINE_TRANSACTION_ERRORS",
        /// Complaint: slow cancellation.
        DelayInCancellationPeriod = "DELAY_IN_CANCELLATION_PERIOD",
        /// Complaint: policy or endorsement not received.
        NonReceiptOfPolicyOrEndorsement = "NON_RECEIPT_OF_POLICY_OR_ENDORSEMENT",
        /// Complaint: policy or endorsement not produced.
        NonProductionOfPolicyOrEndorsement = "NON_PRODUCTION_OF_POLICY_OR_ENDORSEMENT",
        /// Complaint: slow endorsement.
        DelayInEndorsementOperations = "DELAY_IN_ENDORSEMENT_OPERATIONS",
        /// Complaint: erroneous premium collection.
        ErroneousPremiumCollection = "ERRONEOUS_PREMIUM_COLLECTION",
        /// Complaint: refund receipt not delivered.
        NonDeliveryOfRefundReceipt = "NON_DELIVERY_OF_REFUND_RECEIPT",
        /// Complaint: premium not refunded.
        NonRefundOfPremium = "NON_REFUND_OF_PREMIUM",
        /// Complaint: staff attitude.
        StaffAttitude = "STAFF_ATTITUDE",
        /// Complaint: insufficient or wrong information.
        InsufficientOrErroneousInformation = "INSUFFICIENT_OR_ERRONEOUS_INFORMATION",
        /// Complaint: no timely answer.
        NoTimelyResponse = "NO_TIMELY_RESPONSE",
    }
}

wire_enum! {
    /// State of an agent user account.
    pub enum AgentUserState {
        /// Waiting for activation (invited).
        Pending = "PENDING",
        /// Active.
        Active = "ACTIVE",
        /// Deactivated.
        Inactive = "INACTIVE",
    }
}

wire_enum! {
    /// Status of one run of a policy transfer.
    pub enum PolicyTransferTriggerStatus {
        /// The run finished (single policies may still have failed or been skipped).
        Succeeded = "SUCCEEDED",
        /// The run failed.
        Failed = "TRIGGER_STATUS_FAILED",
    }
}

/// Every wire value this version of the SDK knows, per enum type (`ProductBranch`, `Channel`, …),
/// e.g. to fill a select box. Values the server adds later still arrive, as plain strings.
pub fn enum_values() -> HashMap<String, Vec<String>> {
    macro_rules! values {
        ($($name:ident),+ $(,)?) => {
            HashMap::from([$((
                stringify!($name).to_owned(),
                $name::WIRE_VALUES.iter().map(|value| (*value).to_owned()).collect(),
            )),+])
        };
    }
    values! {
        ProductBranch, Channel, ProposalState, ProductState, PolicyState, PaymentOption, Currency,
        CustomerType, Gender, AssetType, CaseType, CaseStatus, CaseMainState,
        VehicleUtilizationStyle, VehicleFuel, PropertyUtilizationStyle, PropertyOwnershipType,
        InsuranceProductType, PurchaseStatus, WebhookEvent, MaritalStatus, Nationality,
        EducationStatus, Job, ConsentType, ConsentChannel, ConsentAction, AddressType, ContactState,
        UserType, CaseSubState, CaseSubType, AgentUserState, PolicyTransferTriggerStatus,
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

    #[test]
    fn enum_values_names_every_wire_enum() {
        // Spelt in two halves, so this line is not a declaration itself.
        let declared: Vec<&str> = include_str!("enums.rs")
            .split(concat!("wire_enum!", " {"))
            .skip(1)
            .filter_map(|block| block.split("pub enum ").nth(1)?.split_whitespace().next())
            .collect();
        let mut listed: Vec<String> = enum_values().into_keys().collect();
        listed.sort();
        let mut declared: Vec<String> = declared.into_iter().map(str::to_owned).collect();
        declared.sort();
        assert_eq!(listed, declared);
        assert_eq!(enum_values()["Channel"], Channel::WIRE_VALUES);
    }
}
