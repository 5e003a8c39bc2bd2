//! A customer's whole record through the SDK against the sandbox: the full read shape, e-mail
//! addresses and phone numbers with their primary, addresses from the UAVT register, KVKK/ETK
//! consents, the representative, the branch and calls. Bad input never reaches the server.

use crate::support::*;
use insurup::{
    AddressType, AgentBranchId, ConsentAction, ConsentChannel, ConsentType, ContactState,
    CustomerId, ErrorKind, NewAgentBranch, UserId,
};

#[tokio::test(flavor = "multi_thread")]
async fn a_customer_reads_back_with_every_documented_field() {
    in_each_dialect(async |sandbox| {
        let client = sandbox.client();
        let me = client.reference().me().await.expect("me");
        let customer = customer_with_contacts(&client, 301).await;

        assert_eq!(
            customer.created_by.as_ref().and_then(|by| by.id.clone()),
            Some(me.id.clone()),
            "created by the signed-in user"
        );
        assert!(customer.creation_channel.is_some());
        assert_eq!(customer.email_count, 1);
        assert_eq!(customer.phone_count, 1);
        assert_eq!(customer.consents.len(), 2, "one state per consent type");
        assert!(!customer.has_consent(&ConsentType::Kvkk));
        assert_eq!(customer.represented_by, None);
        assert_eq!(
            customer
                .primary_phone_number
                .as_ref()
                .map(|p| p.number.as_str()),
            Some("5321234567")
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn e_mail_addresses_are_added_made_primary_and_removed() {
    in_each_dialect(async |sandbox| {
        let client = sandbox.client();
        let customers = client.customers();
        let customer = customer_with_contacts(&client, 302).await;
        let first = "musteri302@example.com";
        let second = "is+crm@example.com";

        customers
            .add_email(&customer.id, second)
            .await
            .expect("added");
        let emails = customers.emails(&customer.id).await.expect("emails");
        assert_eq!(emails.len(), 2);
        assert!(emails.iter().any(|e| e.email == first && e.primary));
        assert!(emails.iter().any(|e| e.email == second && !e.primary));

        let error = customers
            .add_email(&customer.id, second)
            .await
            .expect_err("a duplicate");
        assert_eq!(error.kind(), ErrorKind::Conflict);

        customers
            .make_email_primary(&customer.id, second)
            .await
            .expect("made primary");
        assert_eq!(
            customers
                .primary_email(&customer.id)
                .await
                .expect("primary"),
            second
        );
        let error = customers
            .remove_email(&customer.id, second)
            .await
            .expect_err("the primary address stays");
        assert!(
            error.codes().iter().any(|c| c.contains("PRIMARY")),
            "{error}"
        );
        customers
            .remove_email(&customer.id, first)
            .await
            .expect("removed");

        let upserted = "yeni@example.com";
        customers
            .set_primary_email(&customer.id, upserted)
            .await
            .expect("set");
        let emails = customers.emails(&customer.id).await.expect("emails");
        let addresses: Vec<&str> = emails.iter().map(|e| e.email.as_str()).collect();
        assert_eq!(addresses, [second, upserted]);
        assert!(emails.iter().any(|e| e.email == upserted && e.primary));
        let reread = customers.get(&customer.id).await.expect("customer");
        assert_eq!(reread.primary_email.as_deref(), Some(upserted));
        assert_eq!(reread.email_count, 2);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn phone_numbers_are_added_made_primary_and_removed_in_any_usual_spelling() {
    in_each_dialect(async |sandbox| {
        let client = sandbox.client();
        let customers = client.customers();
        let customer = customer_with_contacts(&client, 303).await;

        customers
            .add_phone_number(&customer.id, "+90 (542) 765 43 21")
            .await
            .expect("added");
        let phones = customers.phone_numbers(&customer.id).await.expect("phones");
        assert_eq!(phones.len(), 2);
        assert!(
            phones
                .iter()
                .any(|p| p.phone_number.number == "5427654321" && !p.primary)
        );

        customers
            .make_phone_number_primary(&customer.id, "0542 765 43 21")
            .await
            .expect("made primary");
        let primary = customers
            .primary_phone_number(&customer.id)
            .await
            .expect("primary");
        assert_eq!(
            (primary.country_code, primary.number.as_str()),
            (90, "5427654321")
        );
        customers
            .remove_phone_number(&customer.id, "5321234567")
            .await
            .expect("removed");
        customers
            .set_primary_phone_number(&customer.id, "5551112233")
            .await
            .expect("set");
        let numbers: Vec<(String, bool)> = customers
            .phone_numbers(&customer.id)
            .await
            .expect("phones")
            .into_iter()
            .map(|p| (p.phone_number.number, p.primary))
            .collect();
        assert_eq!(
            numbers,
            [
                ("5427654321".to_owned(), false),
                ("5551112233".to_owned(), true)
            ]
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_address_found_through_the_register_is_added_retyped_and_removed() {
    in_each_dialect(async |sandbox| {
        let client = sandbox.client();
        let customers = client.customers();
        let customer = customer_with_contacts(&client, 304).await;
        let uavt = first_uavt_number(&client).await;
        let register = client
            .addresses()
            .of_property_number(uavt)
            .await
            .expect("the register knows the flat");

        let added = customers
            .add_address(&customer.id, uavt, AddressType::Home)
            .await
            .expect("added");
        assert_eq!(added.property_number, uavt);
        assert_eq!(added.address_type, Some(AddressType::Home));
        assert_eq!(
            added.address.as_ref(),
            Some(&register),
            "the same address as the register's"
        );
        assert_eq!(
            register.apartment.as_ref().map(|a| a.value.clone()),
            Some(uavt.to_string())
        );

        let retyped = customers
            .update_address(&customer.id, &added.id, AddressType::Work)
            .await
            .expect("retyped");
        assert_eq!(retyped.address_type, Some(AddressType::Work));
        let listed = customers.addresses(&customer.id).await.expect("addresses");
        assert_eq!(listed, [retyped]);

        let error = customers
            .add_address(&customer.id, uavt, AddressType::Other)
            .await
            .expect_err("the same flat twice");
        assert_eq!(error.kind(), ErrorKind::Conflict);

        customers
            .remove_address(&customer.id, &added.id)
            .await
            .expect("removed");
        assert!(
            customers
                .addresses(&customer.id)
                .await
                .expect("addresses")
                .is_empty()
        );
        let error = customers
            .address(&customer.id, &added.id)
            .await
            .expect_err("gone");
        assert_eq!(error.kind(), ErrorKind::NotFound);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn consents_are_given_and_revoked_with_their_history() {
    in_each_dialect(async |sandbox| {
        let client = sandbox.client();
        let customers = client.customers();
        let customer = customer_with_contacts(&client, 305).await;

        customers
            .give_consent(&customer.id, ConsentType::Kvkk, ConsentChannel::Web)
            .await
            .expect("KVKK given");
        customers
            .give_consent(&customer.id, ConsentType::Kvkk, ConsentChannel::Web)
            .await
            .expect("giving it again is harmless");
        customers
            .give_consent(&customer.id, ConsentType::Etk, ConsentChannel::Sms)
            .await
            .expect("ETK given");
        customers
            .revoke_consent(&customer.id, ConsentType::Etk)
            .await
            .expect("ETK revoked");

        let consents = customers.consents(&customer.id).await.expect("consents");
        assert!(consents.is_active(&ConsentType::Kvkk));
        assert!(!consents.is_active(&ConsentType::Etk));
        let history: Vec<(ConsentType, ConsentAction, Option<ConsentChannel>)> = consents
            .history
            .iter()
            .map(|h| (h.consent_type.clone(), h.action.clone(), h.channel.clone()))
            .collect();
        assert_eq!(
            history,
            [
                (
                    ConsentType::Kvkk,
                    ConsentAction::Given,
                    Some(ConsentChannel::Web)
                ),
                (
                    ConsentType::Etk,
                    ConsentAction::Given,
                    Some(ConsentChannel::Sms)
                ),
                (
                    ConsentType::Etk,
                    ConsentAction::Revoked,
                    Some(ConsentChannel::Manual)
                ),
            ],
            "the repeated KVKK consent changed nothing"
        );
        assert!(consents.history.iter().all(|h| h.performed_by.is_some()));
        let reread = customers.get(&customer.id).await.expect("customer");
        assert!(reread.has_consent(&ConsentType::Kvkk));
        assert!(!reread.has_consent(&ConsentType::Etk));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_representative_and_a_branch_are_set_and_removed() {
    in_each_dialect(async |sandbox| {
        let client = sandbox.client();
        let customers = client.customers();
        let customer = customer_with_contacts(&client, 306).await;
        let me = client.reference().me().await.expect("me");

        customers
            .set_representative(&customer.id, Some(&me.id))
            .await
            .expect("assigned");
        let reread = customers.get(&customer.id).await.expect("customer");
        assert_eq!(
            reread.represented_by.and_then(|by| by.id),
            Some(me.id.clone())
        );
        let error = customers
            .set_representative(
                &customer.id,
                Some(&UserId::new("0d9f1a2b-0000-4000-8000-00000000dead")),
            )
            .await
            .expect_err("no such user");
        assert_eq!(error.kind(), ErrorKind::NotFound);
        customers
            .set_representative(&customer.id, None)
            .await
            .expect("unassigned");
        assert_eq!(
            customers
                .get(&customer.id)
                .await
                .expect("customer")
                .represented_by,
            None
        );

        let branch = client
            .agent_branches()
            .create(NewAgentBranch::new("Kadıköy Şubesi"))
            .await
            .expect("branch");
        customers
            .set_branch(&customer.id, Some(&branch.id))
            .await
            .expect("moved");
        assert_eq!(
            customers
                .get(&customer.id)
                .await
                .expect("customer")
                .agent_branch_id,
            Some(branch.id.clone())
        );
        let error = customers
            .set_branch(
                &customer.id,
                Some(&AgentBranchId::new("6650a1b2c3d4e5f601a2ffff")),
            )
            .await
            .expect_err("no such branch");
        assert_eq!(error.kind(), ErrorKind::NotFound);
        customers
            .set_branch(&customer.id, None)
            .await
            .expect("unassigned");
        assert_eq!(
            customers
                .get(&customer.id)
                .await
                .expect("customer")
                .agent_branch_id,
            None
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_planned_call_is_listed_among_the_customers_contacts() {
    in_each_dialect(async |sandbox| {
        let client = sandbox.client();
        let customers = client.customers();
        let customer = customer_with_contacts(&client, 307).await;
        assert!(
            customers
                .contacts(&customer.id, None)
                .await
                .expect("contacts")
                .is_empty()
        );
        customers.add_contact(&customer.id).await.expect("planned");
        let contacts = customers
            .contacts(&customer.id, None)
            .await
            .expect("contacts");
        assert_eq!(contacts.len(), 1);
        assert_eq!(contacts[0].state, Some(ContactState::Planned));
        assert_eq!(contacts[0].customer_id.as_ref(), Some(&customer.id));
        assert!(contacts[0].created_by.is_some());
        assert!(
            customers
                .contacts(&customer.id, Some("SF-2026-000001"))
                .await
                .expect("contacts of a case")
                .is_empty(),
            "the call belongs to no case"
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_contact_input_is_refused_naming_the_field_before_anything_is_sent() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox.client();
    let customers = client.customers();
    let good = CustomerId::new("3f2b8c1e-0000-4000-8000-000000000001");
    let bad = CustomerId::new("../admin");
    let before = sandbox.total_requests().await;

    expect_field(customers.emails(&bad).await, "customer_id");
    expect_field(customers.add_email(&good, "not-an-email").await, "email");
    expect_field(customers.remove_email(&good, "a b@c.d").await, "email");
    expect_field(customers.set_primary_email(&good, "x@").await, "email");
    expect_field(
        customers.add_phone_number(&good, "12345").await,
        "phone_number",
    );
    expect_field(
        customers.remove_phone_number(&good, "0212").await,
        "phone_number",
    );
    expect_field(
        customers.add_address(&good, 12345, AddressType::Home).await,
        "property_number",
    );
    expect_field(customers.address(&good, "a/b").await, "address_id");
    expect_field(
        customers
            .set_representative(&good, Some(&UserId::new("x y")))
            .await,
        "agent_user_id",
    );
    expect_field(
        customers
            .set_branch(&good, Some(&AgentBranchId::new("")))
            .await,
        "agent_branch_id",
    );
    expect_field(
        customers
            .give_consent(&good, ConsentType::from_wire("GDPR"), ConsentChannel::Web)
            .await,
        "consent_type",
    );
    expect_field(customers.contacts(&good, Some("SF 2026")).await, "case_ref");
    expect_field(client.addresses().districts(" ").await, "city_reference");
    expect_field(
        client.addresses().of_property_number(99).await,
        "property_number",
    );

    assert_eq!(
        sandbox.total_requests().await,
        before,
        "nothing reached the server"
    );
}
