import { useEffect, useState } from 'react';
import { londonDate, nextLondonMidnight, type IsoDate } from '../domain';

/**
 * Today's date in London. A tab left open (a pinned tab may stay open for days)
 * moves on at midnight, and looks again when it is shown, since browsers slow
 * the timers of tabs in the background.
 */
export function useToday(): IsoDate {
  const [today, setToday] = useState(() => londonDate(new Date()));
  useEffect(() => {
    const check = () => setToday(londonDate(new Date()));
    const now = new Date();
    const timer = setTimeout(check, nextLondonMidnight(now).getTime() - now.getTime() + 1000);
    document.addEventListener('visibilitychange', check);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', check);
    };
  }, [today]);
  return today;
}
