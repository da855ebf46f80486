package org.articlekg.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * Terms of the article-kg ontology ({@code ontology/article-kg.ttl}), namespace {@value #NS}.
 * The ontology file is the truth; {@code AKGTest} checks that every constant here is declared there.
 */
public final class AKG {
    private AKG() {}

    public static final String NS = "https://w3id.org/article-kg/ontology#";
    public static final String ONTOLOGY_IRI = "https://w3id.org/article-kg/ontology";

    private static Node term(String local) { return NodeFactory.createURI(NS + local); }

    /**
     * The concept individual for a CSV value of an enumerated column:
     * {@code concept("investment-kind", "cloud_credits")} is {@code akg:investment-kind-cloud-credits}.
     */
    public static Node concept(String category, String csvValue) {
        return term(category + "-" + csvValue.replace('_', '-'));
    }

    // Entities
    public static final Node Person = term("Person");
    public static final Node Organization = term("Organization");
    public static final Node Company = term("Company");
    public static final Node Nonprofit = term("Nonprofit");
    public static final Node ResearchLab = term("ResearchLab");
    public static final Node Incubator = term("Incubator");
    public static final Node MediaOrganization = term("MediaOrganization");
    public static final Node Product = term("Product");
    public static final Node AIModel = term("AIModel");
    public static final Node Application = term("Application");
    public static final Node Service = term("Service");
    public static final Node Vehicle = term("Vehicle");
    public static final Node Article = term("Article");

    // Facts and provenance
    public static final Node Fact = term("Fact");
    public static final Node Founding = term("Founding");
    public static final Node Role = term("Role");
    public static final Node Investment = term("Investment");
    public static final Node Lawsuit = term("Lawsuit");
    public static final Node Proposal = term("Proposal");
    public static final Node Departure = term("Departure");
    public static final Node Observation = term("Observation");
    public static final Node Release = term("Release");
    public static final Node Statement = term("Statement");
    public static final Node Holding = term("Holding");
    public static final Node AccessWithdrawal = term("AccessWithdrawal");
    public static final Node Integration = term("Integration");
    public static final Node Evidence = term("Evidence");
    public static final Node Disagreement = term("Disagreement");
    public static final Node Event = term("Event");

    // Provenance and disagreement properties
    public static final Node statedIn = term("statedIn");
    public static final Node reportedIn = term("reportedIn");
    public static final Node quote = term("quote");
    public static final Node conflictsWith = term("conflictsWith");
    public static final Node claim = term("claim");
    public static final Node disputedProperty = term("disputedProperty");
    public static final Node refines = term("refines");

    // Events, support and reported time
    public static final Node event = term("event");
    public static final Node eventKind = term("eventKind");
    public static final Node claimCount = term("claimCount");
    public static final Node articleCount = term("articleCount");
    public static final Node originCount = term("originCount");
    public static final Node reportedDate = term("reportedDate");
    public static final Node reportedPrecision = term("reportedPrecision");

    // Attribution: who says it, through what, in which mode
    public static final Node saidBy = term("saidBy");
    public static final Node channel = term("channel");
    public static final Node attributionMode = term("attributionMode");

    // Fact properties
    public static final Node organization = term("organization");
    public static final Node founder = term("founder");
    public static final Node person = term("person");
    public static final Node title = term("title");
    public static final Node roleStatus = term("roleStatus");
    public static final Node investor = term("investor");
    public static final Node investee = term("investee");
    public static final Node plaintiff = term("plaintiff");
    public static final Node defendant = term("defendant");
    public static final Node proposer = term("proposer");
    public static final Node target = term("target");
    public static final Node party = term("party");
    public static final Node subject = term("subject");
    public static final Node measure = term("measure");
    public static final Node bound = term("bound");
    public static final Node product = term("product");
    public static final Node status = term("status");
    public static final Node investmentKind = term("investmentKind");
    public static final Node proposalKind = term("proposalKind");
    public static final Node releaseKind = term("releaseKind");
    public static final Node speaker = term("speaker");
    public static final Node addressee = term("addressee");
    public static final Node about = term("about");
    public static final Node statementKind = term("statementKind");
    public static final Node content = term("content");
    public static final Node holder = term("holder");
    public static final Node stake = term("stake");
    public static final Node withdrawnBy = term("withdrawnBy");
    public static final Node resource = term("resource");
    public static final Node integratedInto = term("integratedInto");
    public static final Node legalForm = term("legalForm");
    public static final Node date = term("date");
    public static final Node datePrecision = term("datePrecision");
    public static final Node dateQualifier = term("dateQualifier");
    public static final Node startDate = term("startDate");
    public static final Node startPrecision = term("startPrecision");
    public static final Node startQualifier = term("startQualifier");
    public static final Node endDate = term("endDate");
    public static final Node endPrecision = term("endPrecision");
    public static final Node endQualifier = term("endQualifier");
    public static final Node amount = term("amount");
    public static final Node amountMax = term("amountMax");
    public static final Node currency = term("currency");
    public static final Node value = term("value");
    public static final Node unit = term("unit");
    public static final Node allegation = term("allegation");
    public static final Node terms = term("terms");
    public static final Node reason = term("reason");
    public static final Node note = term("note");

    // Entity and article properties
    public static final Node dateBasis = term("dateBasis");
    public static final Node cites = term("cites");
    public static final Node site = term("site");
    public static final Node maker = term("maker");
    public static final Node parentOrganization = term("parentOrganization");

    // Edge annotations of visualisation graphs (the entity-neighbourhood saved query); disputed also in the summaries
    public static final Node sourceCount = term("sourceCount");
    public static final Node disputed = term("disputed");

    // Summaries, computed at build time into the summary graph (build.Summaries)
    public static final Node factCount = term("factCount");
    public static final Node eventCount = term("eventCount");
    public static final Node singleSourceEventCount = term("singleSourceEventCount");
    public static final Node disputedFactCount = term("disputedFactCount");
    public static final Node firstReported = term("firstReported");
    public static final Node lastReported = term("lastReported");
    public static final Node dateRank = term("dateRank");
    public static final Node supportRank = term("supportRank");
    public static final Node kindRank = term("kindRank");
    public static final Node coverageRank = term("coverageRank");
    public static final Node nameRank = term("nameRank");
    public static final Node timelineRank = term("timelineRank");
    public static final Node timelineStartRank = term("timelineStartRank");
    public static final Node timelineEndRank = term("timelineEndRank");

    // Shortcut properties, written beside the statements
    public static final Node founded = term("founded");
    public static final Node foundedBy = term("foundedBy");
    public static final Node affiliatedWith = term("affiliatedWith");
    public static final Node investedIn = term("investedIn");
    public static final Node sued = term("sued");
    public static final Node proposedTo = term("proposedTo");
    public static final Node left = term("left");
    public static final Node released = term("released");
    public static final Node spokeAbout = term("spokeAbout");
    public static final Node withdrewAccessOf = term("withdrewAccessOf");
    public static final Node integrates = term("integrates");
}
