declare module 'virtual:lessons' {
	export const lessons: import('../scripts/lesson-catalog').LessonEntry[];
}
