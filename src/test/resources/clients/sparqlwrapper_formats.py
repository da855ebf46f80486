"""Runs a SELECT and a CONSTRUCT through SPARQLWrapper in every return format it offers, against
the endpoint given as the first argument. Prints one line per format:
    NAME ok CONTENT-TYPE COUNT      (COUNT: rows, or triples, read back from the converted result)
    NAME error TYPE MESSAGE
Used by SparqlWrapperTest."""
import io
import sys
import warnings

warnings.simplefilter("ignore")

import rdflib
from SPARQLWrapper import SPARQLWrapper, JSON, XML, CSV, TSV, RDFXML, N3, TURTLE, JSONLD

endpoint = sys.argv[1]
PERSON = "<https://w3id.org/article-kg/ontology#Person>"
SELECT = "SELECT ?p WHERE { ?p a %s } ORDER BY ?p LIMIT 3" % PERSON
CONSTRUCT = "CONSTRUCT { ?p a %s } WHERE { ?p a %s } LIMIT 3" % (PERSON, PERSON)


def count(fmt, converted):
    if fmt == JSON:
        return len(converted["results"]["bindings"])
    if fmt == XML:
        return len(converted.getElementsByTagName("result"))
    if fmt in (CSV, TSV):
        return len(converted.decode("utf-8").strip().splitlines()) - 1
    if fmt in (N3, TURTLE):
        return len(rdflib.Graph().parse(data=converted.decode("utf-8"), format="turtle"))
    return len(converted)  # RDFXML, JSONLD: an rdflib graph


for fmt, query in [(JSON, SELECT), (XML, SELECT), (CSV, SELECT), (TSV, SELECT),
                   (RDFXML, CONSTRUCT), (N3, CONSTRUCT), (TURTLE, CONSTRUCT), (JSONLD, CONSTRUCT)]:
    name = ("SELECT-" if query == SELECT else "CONSTRUCT-") + fmt
    try:
        sparql = SPARQLWrapper(endpoint)
        sparql.setQuery(query)
        sparql.setReturnFormat(fmt)
        if sparql.returnFormat != fmt:
            raise ValueError("this SPARQLWrapper does not offer " + fmt)
        result = sparql.query()
        content_type = result.info()["content-type"]
        print(name, "ok", content_type.replace(" ", ""), count(fmt, result.convert()), flush=True)
    except Exception as e:
        print(name, "error", type(e).__name__, str(e).replace("\n", " ")[:300], flush=True)
