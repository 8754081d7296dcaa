import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { seats, type Seat } from '../domain/case/seat.ts';

interface SeatPickerProps {
  onPick: (seat: Seat) => void;
}

/** Support mode asks once who is helping: the scripts and the escalation then speak from that seat. */
export function SeatPicker({ onPick }: SeatPickerProps) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section className="seat-picker" data-support="seat" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('seat.question')}</h2>
      <p className="hint">{t('seat.hint')}</p>
      <ul className="answers">
        {seats.map((seat) => (
          <li key={seat}>
            <button type="button" className="answer" data-seat={seat} onClick={() => onPick(seat)}>
              {t(`seat.options.${seat}`)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
