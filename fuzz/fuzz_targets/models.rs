//! Every public model, webhook payload and GraphQL row, decoded from any JSON the way the client
//! decodes answers: an error or a value, never a panic; and a decoded value reads back what it
//! writes, so nothing is lost or invented between the SDK and the caller.
#![no_main]

use std::fmt::Debug;

use insurup::graphql::{AgentBranchRef, CaseRow, CustomerRow, PageInfo, PolicyRow, ProposalRow};
use insurup::webhook;
use libfuzzer_sys::fuzz_target;
use serde::Serialize;
use serde::de::DeserializeOwned;

fn round_trip<T: DeserializeOwned + Serialize + PartialEq + Debug>(body: &[u8]) {
    let Ok(value) = serde_json::from_slice::<T>(body) else {
        return;
    };
    let written = serde_json::to_value(&value).expect("a decoded model serialises");
    let again: T = serde_json::from_value(written.clone())
        .unwrap_or_else(|error| panic!("{written} does not read back: {error}"));
    assert_eq!(again, value, "{written}");
}

macro_rules! every {
    ($body:expr; $($model:ty),+ $(,)?) => {
        $( round_trip::<$model>($body); )+
    };
}

fuzz_target!(|body: &[u8]| {
    every!(body;
        insurup::Case, insurup::Customer, insurup::CustomerLookup, insurup::Policy,
        insurup::Property, insurup::Premium, insurup::Product, insurup::CoverageGroupRef,
        insurup::Proposal, insurup::PremiumDetail, insurup::Purchase, insurup::PurchaseRedirect,
        insurup::CoverageGroup, insurup::InsuranceCompany, insurup::AgentUser, insurup::AgentBranch,
        insurup::Plate, insurup::DocumentSerial, insurup::Vehicle, insurup::VehicleLookup,
        insurup::Webhook, insurup::WebhookDelivery, insurup::Reference, insurup::PhoneNumber,
        insurup::Document, insurup::Problem, insurup::FieldError, insurup::GraphQlError,
    );
    every!(body;
        insurup::ProductBranch, insurup::Channel, insurup::ProposalState, insurup::ProductState,
        insurup::PolicyState, insurup::PaymentOption, insurup::Currency, insurup::CustomerType,
        insurup::Gender, insurup::AssetType, insurup::CaseType, insurup::CaseStatus,
        insurup::CaseMainState, insurup::VehicleUtilizationStyle, insurup::VehicleFuel,
        insurup::PropertyUtilizationStyle, insurup::PropertyOwnershipType,
        insurup::InsuranceProductType, insurup::PurchaseStatus, insurup::WebhookEvent,
    );
    every!(body;
        CustomerRow, ProposalRow, PolicyRow, CaseRow, PageInfo, AgentBranchRef,
    );
    every!(body;
        webhook::PremiumReceived, webhook::PurchaseStarted, webhook::Purchased,
        webhook::PurchaseFailed, webhook::PolicyCreated, webhook::PolicyUpdated,
        webhook::CustomerDetails, webhook::CustomerCreated, webhook::CustomerUpdated,
        webhook::ConsentGiven, webhook::ConsentRevoked, webhook::VehicleDetails,
        webhook::VehicleCreated, webhook::VehicleUpdated, webhook::PropertyDetails,
        webhook::PropertyCreated, webhook::PropertyUpdated, webhook::CaseCreated,
        webhook::CaseStateChanged, webhook::InsuredCustomer, webhook::CustomerPhoneNumber,
        webhook::CustomerEmail, webhook::UserReference,
    );
});
