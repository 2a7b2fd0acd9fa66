/** What an audio file input accepts: every format the studio reads or the browser decodes. */
export const AUDIO_FILE_ACCEPT = 'audio/*,.wav,.wave,.aif,.aiff,.aifc,.flac,.mp3,.ogg,.oga,.opus,.m4a,.mp4,.aac,.webm,.mka';
