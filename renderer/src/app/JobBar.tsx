/** Long work in progress, each with its stage, a progress bar and Cancel. */
import { useStore, cancelJob } from '../store';
import { ProgressBar } from '../components/ProgressBar';

export function JobBar() {
  const jobs = useStore((s) => s.jobs);
  if (!jobs.length) return null;
  return (
    <section className="jobs" aria-label="Work in progress" aria-live="polite">
      {jobs.map((job) => {
        const stage = job.progress?.stage;
        const detail = job.progress?.detail;
        return (
          <div className="job" key={job.id} data-testid="job">
            <div>
              <strong>{job.label}</strong>
              {stage && <div className="muted" data-testid="job-stage">{stage}{detail ? ` · ${detail}` : ''}</div>}
            </div>
            <ProgressBar label={job.label} fraction={job.progress?.fraction} />
            <button type="button" className="btn small" onClick={() => cancelJob(job.id)} data-testid="job-cancel">
              Cancel
            </button>
          </div>
        );
      })}
    </section>
  );
}
