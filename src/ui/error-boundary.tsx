import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { StepHeading } from './step-heading.tsx';

export interface ErrorBoundaryProps {
  children: ReactNode;
  /**
   * Puts the diagnosis back at the start (the app clears the saved diagnosis and sends session.restart);
   * the boundary then shows its children again. The boundary itself never touches storage: history stays.
   */
  onRestart: () => void;
  /** Where a caught error is reported; React already logs it to the console. */
  onError?: (error: unknown, info: ErrorInfo) => void;
}

interface ErrorBoundaryState {
  failed: boolean;
}

/** Catches a render error anywhere below it and offers a fresh start instead of a blank page. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failed: false };

  static getDerivedStateFromError(): ErrorBoundaryState {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    this.props.onError?.(error, info);
  }

  private readonly restart = () => {
    this.props.onRestart();
    this.setState({ failed: false });
  };

  override render() {
    return this.state.failed ? <CrashScreen onRestart={this.restart} /> : this.props.children;
  }
}

/** A function component, so the recovery screen can use the user's language (hooks don't work in classes). */
function CrashScreen({ onRestart }: { onRestart: () => void }) {
  const { t } = useTranslation();
  // Its own main: the shell with its landmarks is what broke, and a screen reader needs one to land in.
  return (
    <main className="main">
      <section className="step crash" data-crash="">
        <StepHeading title={t('crash.title')} focusKey="crash" />
        <p className="lead">{t('crash.body')}</p>
        <button type="button" className="answer primary" data-action="crash-restart" onClick={onRestart}>
          {t('crash.restart')}
        </button>
      </section>
    </main>
  );
}
