package org.articlekg.query;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.op.OpSlice;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIter1;
import org.apache.jena.sparql.engine.main.OpExecutorFactory;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.tdb2.solver.OpExecutorTDB2;

/**
 * TDB2's query executor with an {@code OFFSET} that ends when the query's time is up.
 *
 * <p>ARQ 5.6 skips an {@code OFFSET}'s rows in the constructor of its slice iterator, before the
 * query execution holds an iterator it could cancel: {@code SELECT * { ?a ?b ?c . ?d ?e ?f }
 * OFFSET 999999999999} ran for hours past its 5 s timeout, holding a core and a place of the
 * query gate after its client had gone. Here the rows are skipped when the first row is asked
 * for, and the skipping looks at the execution's cancel signal, which the timeout sets, every
 * {@value #CHECK_EVERY} rows. Other datasets than TDB2's get ARQ's plain executor, as with
 * {@link OpExecutorTDB2}.
 */
public final class CancellableSlices extends OpExecutorTDB2 {
    /** The executor factory, for {@link ARQConstants#sysOpExecutorFactory} in a query's context. */
    public static final OpExecutorFactory FACTORY = CancellableSlices::new;

    /** Rows skipped between two looks at the cancel signal. */
    static final int CHECK_EVERY = 1024;

    private CancellableSlices(ExecutionContext execCxt) {
        super(execCxt);
    }

    /** Sets this executor in a query's context. */
    public static void install(Context context) {
        context.set(ARQConstants.sysOpExecutorFactory, FACTORY);
    }

    @Override
    protected QueryIterator execute(OpSlice opSlice, QueryIterator input) {
        if (opSlice.getStart() <= 0) return super.execute(opSlice, input); // none (Query.NOLIMIT is negative)
        return new Slice(exec(opSlice.getSubOp(), input), opSlice.getStart(), opSlice.getLength(), execCxt);
    }

    /** {@code OFFSET start LIMIT length}, skipped lazily and cancellably. */
    private static final class Slice extends QueryIter1 {
        private long toSkip;
        private long left;

        Slice(QueryIterator input, long start, long length, ExecutionContext execCxt) {
            super(input, execCxt);
            this.toSkip = start;
            this.left = length == Query.NOLIMIT ? Long.MAX_VALUE : length;
        }

        @Override
        protected boolean hasNextBinding() {
            if (left <= 0) return false; // LIMIT 0: nothing to skip to
            AtomicBoolean cancel = getExecContext().getCancelSignal();
            for (; toSkip > 0; toSkip--) {
                if (toSkip % CHECK_EVERY == 0 && (cancel != null && cancel.get() || Thread.currentThread().isInterrupted())) {
                    throw new QueryCancelledException();
                }
                if (!getInput().hasNext()) return false;
                getInput().nextBinding();
            }
            return getInput().hasNext();
        }

        @Override
        protected Binding moveToNextBinding() {
            left--;
            return getInput().nextBinding();
        }

        @Override
        protected void requestSubCancel() {}

        @Override
        protected void closeSubIterator() {}
    }
}
