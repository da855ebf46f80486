package org.articlekg.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.RDF;
import org.articlekg.publish.Link;

/**
 * The VoID description ({@code /.well-known/void}) as a page for browsers: each described
 * resource (the dataset first, then its named graphs, the service, the dumps) with its properties
 * by their prefixed names, IRIs linked (the graph's own as paths on this server) and blank nodes
 * (class and property partitions) written out inline. The markup is {@code templates/void.mustache}.
 *
 * @param title the page's title
 * @param resources the described resources, the dataset first
 */
record VoidPage(String title, List<Resource> resources) {
    /** A property and its values. */
    record Property(String name, List<Link.Joined> values) {}

    /** A described resource: its IRI, its types and its properties. */
    record Resource(String id, String iri, String types, List<Property> properties) {}

    private static final String VOID_DATASET = "http://rdfs.org/ns/void#Dataset";

    static VoidPage of(Graph g, String base) {
        PrefixMapping prefixes = g.getPrefixMapping();
        List<Node> subjects = new ArrayList<>();
        g.find().forEachRemaining(t -> {
            if (t.getSubject().isURI() && !subjects.contains(t.getSubject())) subjects.add(t.getSubject());
        });
        subjects.sort(Comparator.comparing((Node s) -> !g.contains(s, RDF.type.asNode(), org.apache.jena.graph.NodeFactory.createURI(VOID_DATASET)))
                .thenComparing(Node::getURI));
        List<Resource> resources = new ArrayList<>();
        int i = 0;
        for (Node s : subjects) {
            Map<String, List<Link>> props = new LinkedHashMap<>();
            List<String> types = new ArrayList<>();
            for (Triple t : g.find(s, Node.ANY, Node.ANY).toList()) {
                if (t.getPredicate().equals(RDF.type.asNode())) {
                    types.add(prefixes.shortForm(t.getObject().getURI()));
                    continue;
                }
                props.computeIfAbsent(prefixes.shortForm(t.getPredicate().getURI()), k -> new ArrayList<>()).add(value(g, t.getObject(), prefixes, base));
            }
            List<Property> properties = new ArrayList<>();
            props.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> properties.add(new Property(e.getKey(), Link.joined(e.getValue(), ", "))));
            resources.add(new Resource("r" + i++, s.getURI(), String.join(", ", types), properties));
        }
        return new VoidPage("Dataset description", resources);
    }

    private static Link value(Graph g, Node o, PrefixMapping prefixes, String base) {
        if (o.isURI()) {
            String u = o.getURI();
            return new Link(u.startsWith(base) ? "/" + u.substring(base.length()) : u, prefixes.shortForm(u));
        }
        if (o.isLiteral()) return Link.text(o.getLiteralLexicalForm());
        // a blank node: its properties inline, "void:class akg:Person; void:entities 7"
        List<String> parts = new ArrayList<>();
        for (Triple t : g.find(o, Node.ANY, Node.ANY).toList()) {
            Node v = t.getObject();
            parts.add(prefixes.shortForm(t.getPredicate().getURI()) + " "
                    + (v.isURI() ? prefixes.shortForm(v.getURI()) : v.isLiteral() ? v.getLiteralLexicalForm() : "…"));
        }
        parts.sort(null);
        return Link.text(String.join("; ", parts));
    }
}
