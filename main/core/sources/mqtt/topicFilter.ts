/**
 * An MQTT topic filter as the spec allows it: UTF-8, no NUL, `+` alone in a level, `#` alone and last.
 * (A broker would refuse anything else, but only after connecting; settings say so at once.)
 */
export function isMqttTopicFilter(filter: string): boolean {
  if (filter.length === 0 || filter.includes('\u0000')) return false;
  const levels = filter.split('/');
  return levels.every((level, i) => {
    if (level.includes('#')) return level === '#' && i === levels.length - 1;
    if (level.includes('+')) return level === '+';
    return true;
  });
}

