"""Parses RDF files with rdflib and prints how many statements each holds, one line per file:
    PATH ok COUNT        (COUNT: triples of a graph format; quads, summed over every graph, of a
                          dataset format)
    PATH error TYPE MESSAGE
Arguments: pairs of PATH FORMAT, FORMAT an rdflib parser name (turtle, nt, xml, json-ld, nquads,
trig). Used by RdfClientsTest."""
import sys
import warnings

warnings.simplefilter("ignore")

import rdflib

DATASETS = {"nquads", "trig", "json-ld"}

args = sys.argv[1:]
for path, fmt in zip(args[0::2], args[1::2]):
    try:
        if fmt in DATASETS:
            g = rdflib.ConjunctiveGraph()
            g.parse(path, format=fmt)
            count = sum(len(c) for c in g.contexts())
        else:
            g = rdflib.Graph()
            g.parse(path, format=fmt)
            count = len(g)
        print(path, "ok", count, flush=True)
    except Exception as e:
        print(path, "error", type(e).__name__, str(e).replace("\n", " ")[:300], flush=True)
