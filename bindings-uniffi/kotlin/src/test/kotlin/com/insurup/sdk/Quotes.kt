package com.insurup.sdk

import com.insurup.sdk.model.Card
import com.insurup.sdk.model.Channel
import com.insurup.sdk.model.Customer
import com.insurup.sdk.model.NewCustomer
import com.insurup.sdk.model.NewIndividualCustomer
import com.insurup.sdk.model.NewProposal
import com.insurup.sdk.model.NewVehicle
import com.insurup.sdk.model.Product
import com.insurup.sdk.model.ProductBranch
import com.insurup.sdk.model.Proposal
import com.insurup.sdk.model.Vehicle
import com.insurup.sdk.model.WaitOptions

/** The fixture customer (TCKN 11111111110), created on first use and found afterwards. */
fun fixtureCustomer(): NewCustomer = NewCustomer.Individual(
    NewIndividualCustomer(
        identityNumber = Fixtures.TCKN,
        birthDate = "1990-01-01",
        fullName = null,
        email = null,
        phoneNumber = null,
        gender = null,
        agentBranchId = null,
    ),
)

/** The fixture vehicle; brand, model and year come from the registry lookup. */
fun fixtureVehicle(): NewVehicle = NewVehicle(
    plate = Fixtures.PLATE,
    documentSerialCode = "AB",
    documentSerialNumber = "123456",
    modelYear = null,
    brandReference = null,
    modelTypeReference = null,
    utilizationStyle = null,
    fuel = null,
    engineNumber = null,
    chassisNumber = null,
    registrationDate = null,
    seatNumber = null,
)

fun kasko(customer: Customer, vehicle: Vehicle): NewProposal = NewProposal(
    productBranch = ProductBranch.Kasko,
    insurerCustomerId = customer.id,
    insuredCustomerId = null,
    vehicleId = vehicle.id,
    propertyId = null,
    coverageGroupIds = emptyList(),
    channel = null,
    agentBranchId = null,
    policyStartDate = null,
)

fun card(number: String = Fixtures.CARD): Card =
    newCard(number, Fixtures.CVC, "12", "2030", "AHMET YILMAZ")

/** A kasko proposal for the fixture customer and vehicle, every insurer answered. */
suspend fun InsurUpClient.answeredKaskoProposal(): Proposal {
    val customer = customers().ensure(fixtureCustomer())
    val vehicle = vehicles().create(customer.id, fixtureVehicle())
    cases().ensureSaleOpportunity(customer.id, ProductBranch.Kasko, Channel.Api)
    val proposal = proposals().create(kasko(customer, vehicle))
    return proposals().wait(proposal.id, WaitOptions(timeout = 60.0))
}

/** The cheapest product that can be bought for cash (chosen by the core). */
fun Proposal.cheapestCashProduct(): Product =
    cheapestProduct() ?: error("no insurer offered a cash premium: $products")
